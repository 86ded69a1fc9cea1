/**
 * Every test system starts from a copy of one freshly seeded data folder: the shared
 * system's, taken by the end-to-end setup before any file runs. Seeding is the same for every
 * system (the nine datasets, the county's, the national samples) and cost each start about
 * 2.3 s of CPU (13.1 s in all) and 1.5 s of waiting. `pnpm start` as the documentation and
 * new-partnership tests run it still seeds from the datasets, as on a user's first start.
 */
import Database from "better-sqlite3";
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The environment variable naming the seeded folder (set by shared-system-setup.ts); absent: every system seeds its own. */
export const SEEDED_DATA = "CSG_TEST_SEEDED_DATA";

/**
 * Copies every SQLite file of a running system's data folder, each as one consistent
 * snapshot (`VACUUM INTO` reads inside one transaction; a plain file copy could catch a file
 * and its write-ahead log at different moments).
 */
export function snapshotDataFolder(from: string, to: string): void {
  for (const file of readdirSync(from).filter((name) => name.endsWith(".db"))) {
    const db = new Database(join(from, file), { readonly: true });
    try {
      db.prepare("VACUUM INTO ?").run(join(to, file));
    } finally {
      db.close();
    }
  }
}

/** Fills a new system's data folder with the seeded files, when the setup made them. */
export function copySeededData(to: string): void {
  const seeded = process.env[SEEDED_DATA];
  if (seeded) cpSync(seeded, to, { recursive: true });
}
