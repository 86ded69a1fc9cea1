/**
 * `pnpm figures:export`: one table of a partnership's figures as CSV, in the layout
 * `pnpm figures:import` reads. Without --document and --locator it lists the tables.
 */
import { readCommandLine, runCommand, systemDataFolder } from "@csg/service-runtime";
import { writeFileSync } from "node:fs";
import { exportStatistics, statisticSources } from "../spreadsheet/export";
import { dataDirOption, openPartnershipDatabase, partnershipOption } from "./open-partnership";

await runCommand("pnpm figures:export", () => {
  const command = readCommandLine({
    summary:
      "Writes one table of a partnership's figures as CSV, in the layout `pnpm figures:import` reads; without --document and --locator, lists its tables.",
    usage: [
      "pnpm figures:export --partnership <code> [--document <document> --locator <table>] [--out <file.csv>] [--data-dir <dir>]",
    ],
    options: {
      partnership: partnershipOption,
      document: { type: "string", value: "<document>", description: "The source document of the table." },
      locator: { type: "string", value: "<table>", description: "The table, figure or heading in it." },
      out: { type: "string", value: "<file.csv>", description: "Where to write; standard output when absent." },
      "data-dir": dataDirOption,
    },
  });
  const { entry, database } = openPartnershipDatabase(command.required("partnership"), systemDataFolder(command));
  try {
    const document = command.string("document");
    const locator = command.string("locator");
    if (!document || !locator) {
      console.log(`${entry.name}'s tables of figures (export one with --document and --locator):`);
      for (const { source, figures } of statisticSources(database.db))
        console.log(`  --document "${source.document}" --locator "${source.locator}"   (${figures} figures)`);
      return;
    }
    const text = exportStatistics(database.db, { document, locator });
    if (text.split("\n").length <= 4) throw new Error(`${entry.name} has no figures from ${document}, ${locator}`);
    const out = command.string("out");
    if (out) {
      writeFileSync(out, text);
      console.log(`Wrote ${out}`);
    } else process.stdout.write(text);
  } finally {
    database.close();
  }
});
