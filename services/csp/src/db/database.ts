import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type CspDatabase = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
  db: CspDatabase;
  /** SQL statements run so far: lets tests and benchmarks see batching at work. */
  statementCount(): number;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens (creating if need be) a partnership's SQLite file and brings it to the latest migration. */
export function openCspDatabase(file: string): OpenDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  let statements = 0;
  const db = drizzle(sqlite, { schema, logger: { logQuery: () => void statements++ } });
  migrate(db, { migrationsFolder });
  return { db, statementCount: () => statements, close: () => sqlite.close() };
}
