import { type OpenDatabase, openDatabase } from "@csg/service-runtime";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { fileURLToPath } from "node:url";
import * as schema from "./schema";

export type CspDatabase = BetterSQLite3Database<typeof schema>;
export type OpenCspDatabase = OpenDatabase<typeof schema>;

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens a partnership's SQLite file at its latest migration. */
export function openCspDatabase(file: string): OpenCspDatabase {
  return openDatabase(file, schema, migrationsFolder);
}
