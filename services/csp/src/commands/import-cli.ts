/**
 * `pnpm figures:import`: a partnership's figures from a spreadsheet (CSV in the layout of
 * src/spreadsheet/layout.ts) into its database.
 */
import { commandActor } from "@csg/domain";
import { actingAsOption, decodeSpreadsheet, readCommandLine, runCommand, systemDataFolder } from "@csg/service-runtime";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { importStatistics } from "../spreadsheet/import";
import { periodHeading } from "../spreadsheet/layout";
import { dataDirOption, openPartnershipDatabase, partnershipOption } from "./open-partnership";

await runCommand("pnpm figures:import", () => {
  const command = readCommandLine({
    summary:
      "Imports a partnership's figures from a CSV in the spreadsheet layout: new figures recorded, changed ones corrected, in one transaction.",
    usage: [
      'pnpm figures:import --partnership <code> --file <file.csv> [--dry-run] [--as "<name>"] [--data-dir <dir>]',
    ],
    options: {
      partnership: partnershipOption,
      file: { type: "string", value: "<file.csv>", description: "The CSV file (as `pnpm figures:export` writes it)." },
      "dry-run": { type: "boolean", description: "Print what would change; write nothing." },
      as: actingAsOption,
      "data-dir": dataDirOption,
    },
  });
  const dataDir = systemDataFolder(command);
  const file = command.required("file");
  const { text, encoding } = decodeSpreadsheet(readFileSync(file), file);
  if (encoding !== "utf-8")
    console.log(`${file}: not UTF-8; read as ${encoding} (Latin-1, as Excel's "CSV (Comma delimited)" saves it).`);
  const { entry, database } = openPartnershipDatabase(command.required("partnership"), dataDir);
  try {
    const dryRun = command.flag("dry-run");
    const { plan, written } = importStatistics(database.db, entry, file, text, {
      dryRun,
      actor: commandActor(`pnpm figures:import ${basename(file)}`, command.string("as")),
    });
    const figure = (f: { category: string; period: Parameters<typeof periodHeading>[0] }) =>
      `${f.category.padEnd(30)} ${periodHeading(f.period).padEnd(60)}`;
    console.log(
      `${file} into ${entry.name}: ${plan.additions.length} to add, ${plan.corrections.length} to correct, ${plan.unchanged.length} unchanged`,
    );
    // Each new figure with the source its own column names (a column never takes another's).
    for (const { value } of plan.additions)
      console.log(
        `  add      ${figure(value)} ${value.count}   source: ${value.source.document}, ${value.source.locator}`,
      );
    for (const document of plan.documents.added) {
      console.log(
        `  new document ${document.document}: "${document.title}", ${document.publisher}, ${document.published ? `published ${document.published}` : "no date of publication"}`,
      );
    }
    for (const {
      stored,
      figure: { value },
    } of plan.corrections) {
      const label =
        stored.localLabel === value.localLabel ? "" : ` (label "${stored.localLabel}" -> "${value.localLabel}")`;
      console.log(`  correct  ${figure(value)} ${stored.count} -> ${value.count}${label}`);
    }
    if (dryRun) console.log("Dry run: nothing written.");
    else if (written) console.log("Imported in one transaction, with one audit entry.");
    else console.log("No change: nothing written, no audit entry.");
  } finally {
    database.close();
  }
});
