import Database from "better-sqlite3";
import { existsSync } from "node:fs";

/**
 * A subgraph's revision read from its SQLite file on this machine: a read-only connection's
 * `PRAGMA data_version` changes whenever any other connection (the subgraph's own process,
 * `pnpm figures:import`, `pnpm tokens revoke`) has committed. Microseconds, and no process
 * has to wake up, so a cached answer costs almost nothing to confirm. The file is opened on
 * first use; null while it does not exist (then the subgraph is asked over HTTP instead).
 */
export function localRevision(file: string): () => string | null {
  let sqlite: Database.Database | null = null;
  return () => {
    if (!sqlite) {
      if (!existsSync(file)) return null;
      sqlite = new Database(file, { readonly: true, fileMustExist: true });
    }
    return `local.${sqlite.pragma("data_version", { simple: true })}`;
  };
}
