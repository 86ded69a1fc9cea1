import type Database from "better-sqlite3";
import { randomUUID } from "node:crypto";

/**
 * A database's revision as its service sees it: it changes with every committed write, by
 * this process (`total_changes()`, which counts this connection's writes) or by any other
 * (`PRAGMA data_version`, which changes when another connection commits: `pnpm
 * figures:import`, `pnpm tokens revoke`). The process's own id keeps a restarted service from
 * repeating an earlier revision (both counters start again with a new connection).
 * Caches compare revisions for equality only: a spurious change costs a re-read, never a
 * stale answer.
 */
export function databaseRevision(sqlite: Database.Database): () => string {
  const instance = randomUUID().slice(0, 8);
  const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
  const changes = sqlite.prepare("SELECT total_changes()").pluck();
  return () => `${instance}.${dataVersion.get()}.${changes.get()}`;
}

/** The path, beside a subgraph's GraphQL endpoint, where it answers its revision. */
export const REVISION_PATH = "revision";

/** Where a subgraph at `graphqlUrl` answers its revision (`.../graphql` -> `.../revision`). */
export function revisionUrl(graphqlUrl: string): string {
  return new URL(REVISION_PATH, graphqlUrl).href;
}
