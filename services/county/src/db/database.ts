import { type OpenDatabase, openDatabase } from "@csg/service-runtime";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type CountyDatabase = BetterSQLite3Database<typeof schema>;
export type OpenCountyDatabase = OpenDatabase<typeof schema>;

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens the county's SQLite file at its latest migration. */
export function openCountyDatabase(file: string): OpenCountyDatabase {
  return openDatabase(file, schema, migrationsFolder);
}
