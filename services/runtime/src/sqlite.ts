import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { databaseRevision } from "./freshness/revision";

/** How long a write waits for another's lock before giving up (CSG_BUSY_TIMEOUT_MS). */
export const BUSY_TIMEOUT_MS = Number(process.env.CSG_BUSY_TIMEOUT_MS ?? 10_000);

export interface OpenDatabase<TSchema extends Record<string, unknown>> {
  db: BetterSQLite3Database<TSchema>;
  /** SQL statements run so far: lets tests and benchmarks see batching at work. */
  statementCount(): number;
  /** Changes with every committed write, by this process or another (see freshness/revision.ts). */
  revision(): string;
  close(): void;
}

/** Opens (creating if need be) a service's SQLite file and brings it to its latest migration. */
export function openDatabase<TSchema extends Record<string, unknown>>(
  file: string,
  schema: TSchema,
  migrationsFolder: string,
): OpenDatabase<TSchema> {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  let statements = 0;
  const db = drizzle(sqlite, { schema, logger: { logQuery: () => void statements++ } });
  migrate(db, { migrationsFolder });
  return { db, statementCount: () => statements, revision: databaseRevision(sqlite), close: () => sqlite.close() };
}
