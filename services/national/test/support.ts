import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type OpenNationalDatabase, openNationalDatabase, sqliteOf } from "../src/db/database";
import { seedReference } from "../src/reference/seed-reference";

export const samplePath = (file: string) => new URL(`../samples/${file}`, import.meta.url).pathname;

/** A national database in a fresh folder with only the transcribed reference (no sample imported). */
export function freshDatabase(): { database: OpenNationalDatabase; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), "csg-national-"));
  const database = openNationalDatabase(join(dir, "national.db"));
  const sqlite = sqliteOf(database);
  sqlite.transaction(() => seedReference(sqlite))();
  return {
    database,
    dir,
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Everything held, for "nothing changed" checks. */
export function snapshot(database: OpenNationalDatabase): string {
  const sqlite = sqliteOf(database);
  return JSON.stringify(
    [
      "areas",
      "districts",
      "district_populations",
      "documents",
      "offence_counts",
      "subgroup_totals",
      "monthly_counts",
    ].map((table) => sqlite.prepare(`select * from ${table} order by 1, 2, 3, 4`).all()),
  );
}
