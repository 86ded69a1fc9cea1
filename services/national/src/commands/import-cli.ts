/**
 * pnpm national:import --file <path> [--dry-run] [--data-dir data]
 * Imports a Home Office CSP table (CSV, XLSX or ODS), a police.uk street-level CSV, the ONS
 * district-to-CSP lookup or ONS mid-year population estimates into the national subgraph's
 * database, recognising the file by its header row.
 */
import { defaultDataDir, option } from "@csg/service-runtime";
import { join } from "node:path";
import { openNationalDatabase, sqliteOf } from "../db/database";
import { expectedLayouts } from "../files/layouts";
import { importNationalFile } from "../import/import-file";
import { ImportRefused } from "../import/problems";
import { ensureNationalSeeded } from "../seed";

const HELP = `pnpm national:import --file <path> [--dry-run] [--data-dir <folder>]

Imports one file into the national subgraph's database (<data-dir>/national.db), in one
transaction: every row lands or nothing is written. The file is recognised by its header row:
${expectedLayouts()}

A newer edition of a Home Office table replaces the figures of the quarters it covers (a
police.uk file: the months and force it covers) and prints what changed; importing the same
file again changes nothing. --dry-run prints what would change and writes nothing.
On an empty database the repository's sample files are imported first (as on first start).`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}
const file = option("file", "CSG_NATIONAL_FILE");
if (!file) {
  console.error(`--file is required.\n\n${HELP}`);
  process.exit(2);
}
const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;
const database = openNationalDatabase(join(dataDir, "national.db"));
try {
  await ensureNationalSeeded(database);
  const dryRun = args.includes("--dry-run");
  const result = await importNationalFile(sqliteOf(database), file, { dryRun });
  if (dryRun) console.log("Dry run: nothing written.");
  console.log(result.summary.join("\n"));
  if (!dryRun) console.log(result.written ? "Written." : "Nothing written.");
} catch (error) {
  console.error(error instanceof ImportRefused ? error.message : `${file}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  database.close();
}
