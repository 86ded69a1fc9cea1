/**
 * `pnpm national:import`: a Home Office CSP table (CSV, XLSX or ODS), a police.uk street-level
 * CSV, the ONS district-to-CSP lookup or ONS mid-year population estimates into the national
 * subgraph's database, recognising the file by its header row.
 */
import { dataDirOption, readCommandLine, runCommand, systemDataFolder, NATIONAL_DATABASE } from "@csg/service-runtime";
import { join } from "node:path";
import { openNationalDatabase, sqliteOf } from "../db/database";
import { expectedLayouts } from "../files/layouts";
import { importNationalFile } from "../import/import-file";
import { ImportRefused } from "../import/problems";
import { ensureNationalSeeded } from "../seed";

await runCommand("pnpm national:import", async () => {
  const command = readCommandLine({
    summary: `Imports one file into the national subgraph's database (<data-dir>/national.db), in one
transaction: every row lands or nothing is written. The file is recognised by its header row:
${expectedLayouts()}

A newer edition of a Home Office table replaces the figures of the quarters it covers (a
police.uk file: the months and force it covers) and prints what changed; importing the same
file again changes nothing. --dry-run prints what would change and writes nothing.
On an empty database the repository's sample Home Office tables and police.uk months are
imported first (as on first start); a real file of a kind removes the samples of that kind.
Excel 97-2003 workbooks (.xls) are not read: save them as .xlsx first.`,
    usage: ["pnpm national:import --file <path> [--dry-run] [--data-dir <dir>]"],
    options: {
      file: { type: "string", value: "<path>", env: "CSG_NATIONAL_FILE", description: "The file to import." },
      "dry-run": { type: "boolean", description: "Print what would change; write nothing." },
      "data-dir": dataDirOption,
    },
  });
  const file = command.required("file");
  const dryRun = command.flag("dry-run");
  const database = openNationalDatabase(join(systemDataFolder(command), NATIONAL_DATABASE));
  try {
    await ensureNationalSeeded(database);
    const result = await importNationalFile(sqliteOf(database), file, { dryRun });
    if (dryRun) console.log("Dry run: nothing written.");
    console.log(result.summary.join("\n"));
    if (!dryRun) console.log(result.written ? "Written." : "Nothing written.");
  } catch (error) {
    // Messages that name the file already are told as they are (never the path twice).
    const message = (error as Error).message ?? String(error);
    throw error instanceof ImportRefused || message.startsWith(file) ? error : new Error(`${file}: ${message}`);
  } finally {
    database.close();
  }
});
