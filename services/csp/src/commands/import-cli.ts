/**
 * `pnpm figures:import`: a partnership's figures from a spreadsheet (CSV in the layout of
 * src/spreadsheet/layout.ts) into its database.
 *   pnpm figures:import --partnership north-west-leicestershire --file headline-figures.csv [--dry-run] [--data-dir data]
 */
import { ValidationError } from "@csg/schema";
import { commandActor, decodeSpreadsheet } from "@csg/service-runtime";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { periodHeading } from "../spreadsheet/layout";
import { importStatistics } from "../spreadsheet/import";
import { openPartnershipDatabase } from "./open-partnership";

const USAGE = "Usage: pnpm figures:import --partnership <code> --file <file.csv> [--dry-run] [--data-dir <dir>]";

try {
  const { values } = parseArgs({
    options: { partnership: { type: "string" }, file: { type: "string" }, "dry-run": { type: "boolean", default: false }, "data-dir": { type: "string" } },
  });
  if (!values.partnership || !values.file) throw new Error(USAGE);
  const { text, encoding } = decodeSpreadsheet(readFileSync(values.file), values.file);
  if (encoding !== "utf-8") console.log(`${values.file}: not UTF-8; read as ${encoding} (Latin-1, as Excel's "CSV (Comma delimited)" saves it).`);
  const { entry, database } = openPartnershipDatabase(values.partnership, values["data-dir"]);
  try {
    const dryRun = values["dry-run"]!;
    const { plan, written } = importStatistics(database.db, entry, values.file, text, { dryRun, actor: commandActor(`pnpm figures:import ${basename(values.file)}`) });
    const figure = (f: { category: string; period: Parameters<typeof periodHeading>[0] }) => `${f.category.padEnd(30)} ${periodHeading(f.period).padEnd(60)}`;
    console.log(`${values.file} into ${entry.name}: ${plan.additions.length} to add, ${plan.corrections.length} to correct, ${plan.unchanged.length} unchanged`);
    for (const { value } of plan.additions) console.log(`  add      ${figure(value)} ${value.count}`);
    for (const { stored, figure: { value } } of plan.corrections) {
      const label = stored.localLabel === value.localLabel ? "" : ` (label "${stored.localLabel}" -> "${value.localLabel}")`;
      console.log(`  correct  ${figure(value)} ${stored.count} -> ${value.count}${label}`);
    }
    if (dryRun) console.log("Dry run: nothing written.");
    else if (written) console.log("Imported in one transaction, with one audit entry.");
    else console.log("No change: nothing written, no audit entry.");
  } finally {
    database.close();
  }
} catch (error) {
  console.error(error instanceof ValidationError || error instanceof Error ? error.message : error);
  process.exit(1);
}
