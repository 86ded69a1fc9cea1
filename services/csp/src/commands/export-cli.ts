/**
 * `pnpm figures:export`: one table of a partnership's figures as CSV, in the layout `pnpm figures:import` reads.
 *   pnpm figures:export --partnership north-west-leicestershire --document <file> --locator <table> [--out file.csv] [--data-dir data]
 * Without --document and --locator it lists the partnership's tables (sources).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { exportStatistics, statisticSources } from "../spreadsheet/export";
import { openPartnershipDatabase } from "./open-partnership";

const USAGE = "Usage: pnpm figures:export --partnership <code> --document <document> --locator <table> [--out <file.csv>] [--data-dir <dir>]";

try {
  const { values } = parseArgs({
    options: {
      partnership: { type: "string" },
      document: { type: "string" },
      locator: { type: "string" },
      out: { type: "string" },
      "data-dir": { type: "string" },
    },
  });
  if (!values.partnership) throw new Error(USAGE);
  const { entry, database } = openPartnershipDatabase(values.partnership, values["data-dir"]);
  try {
    if (!values.document || !values.locator) {
      console.log(`${entry.name}'s tables of figures (export one with --document and --locator):`);
      for (const { source, figures } of statisticSources(database.db)) console.log(`  --document "${source.document}" --locator "${source.locator}"   (${figures} figures)`);
    } else {
      const text = exportStatistics(database.db, { document: values.document, locator: values.locator });
      if (text.split("\n").length <= 4) throw new Error(`${entry.name} has no figures from ${values.document}, ${values.locator}`);
      if (values.out) {
        writeFileSync(values.out, text);
        console.log(`Wrote ${values.out}`);
      } else process.stdout.write(text);
    }
  } finally {
    database.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
