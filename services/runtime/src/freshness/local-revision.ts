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
  // Prepared once: preparing costs more than running it, and every cached answer asks.
  let dataVersion: Database.Statement | null = null;
  return () => {
    if (!dataVersion) {
      if (!existsSync(file)) return null;
      dataVersion = new Database(file, { readonly: true, fileMustExist: true }).prepare("PRAGMA data_version").pluck();
    }
    return `local.${dataVersion.get()}`;
  };
}
