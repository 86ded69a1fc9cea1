import type Database from "better-sqlite3";
import { type OpenDatabase, openDatabase } from "@csg/service-runtime";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type NationalDatabase = BetterSQLite3Database<typeof schema>;
export type OpenNationalDatabase = OpenDatabase<typeof schema>;

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens the national subgraph's SQLite file at its latest migration. */
export function openNationalDatabase(file: string): OpenNationalDatabase {
  return openDatabase(file, schema, migrationsFolder);
}

/**
 * The better-sqlite3 connection under drizzle: the importer stages rows and compares them with
 * what is held in plain SQL over it (set operations over a million rows, inside one transaction).
 */
export function sqliteOf(database: OpenNationalDatabase): Database.Database {
  return (database.db as unknown as { $client: Database.Database }).$client;
}
