import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "@csg/operator";
import { runCommand } from "./support/commands";
import { dumpDatabases } from "./support/database-dump";
import { startTestSystem, type TestSystem } from "./support/system";

const IMPORT = "services/csp/src/commands/import-cli.ts";
const EXPORT = "services/csp/src/commands/export-cli.ts";
const NWL = "north-west-leicestershire";
// The 2019 headline figures table of 000_b7c152d5842baba3.txt, as North West Leicestershire's officers keep it.
const HEADLINE = ["--document", "000_b7c152d5842baba3.txt", "--locator", "Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures"];

let t: TestSystem;
let files: string;
let county: string;

beforeAll(async () => {
  t = await startTestSystem();
  files = mkdtempSync(join(tmpdir(), "csg-sheets-"));
  county = issueToken(t.dataDir, "county", "County community safety team").token;
});
afterAll(async () => {
  await t?.stop();
  rmSync(files, { recursive: true, force: true });
});

const run = (script: string, args: string[]) => runCommand(script, [...args, "--partnership", NWL, "--data-dir", t.dataDir]);

async function figure(category: string, label: string) {
  const { data } = await t.query(`{ partnership(code: "${NWL}") { crimeStatistics(category: "${category}") { count period { label start end basis } source { locator } } } }`);
  return data.partnership.crimeStatistics.filter((s: any) => s.period.label === label && s.source.locator !== "Figure 3");
}

describe("a partnership's spreadsheet, through the import and export commands", () => {
  let exported: string;

  it("exports a table in the documents' layout: one row per category, one column per period", () => {
    const out = join(files, "headline.csv");
    const result = run(EXPORT, [...HEADLINE, "--out", out]);
    expect(result.status).toBe(0);
    exported = readFileSync(out, "utf8");
    const lines = exported.trimEnd().split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "document,000_b7c152d5842baba3.txt",
      "locator,Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures",
      'category,local_label,"FY 2015 (2014-10-01..2015-09-30, ROLLING_12_MONTHS)","FY 2016 (2015-10-01..2016-09-30, ROLLING_12_MONTHS)","FY 2017 (2016-10-01..2017-09-30, ROLLING_12_MONTHS)","FY 2018 (2017-10-01..2018-09-30, ROLLING_12_MONTHS)","FY 2019 (2018-10-01..2019-09-30, ROLLING_12_MONTHS)"',
      "all-crime,Total crime,4454,4576,5856,6249,6768",
    ]);
    // Burglary was reclassified in 2018: the table prints nothing for FY 2015 and FY 2016.
    expect(lines).toContain("burglary-residential,Burglary Residential,,,275,439,438");
    expect(lines).toHaveLength(3 + 18);
  });

  it("imports its own export as a no-op: nothing written", () => {
    const before = dumpDatabases(t.dataDir);
    const result = run(IMPORT, ["--file", join(files, "headline.csv")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("0 to add, 0 to correct, 86 unchanged");
    expect(result.stdout).toContain("No change: nothing written, no audit entry.");
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });

  it("rejects a file with a bad row, naming file, row and column, and writes nothing", () => {
    const lines = exported.trimEnd().split("\n");
    lines[8] = "criminal-damage-arson,Arson and criminal damage,708,-685,720,832,886"; // row 9 of the file
    lines[11] = "bicycle-theft,Burglary Residential,,,275,439,438"; // row 12
    lines[12] = "alcohol-related-violence,Alcohol Related Violence,192,217,298,439,46.9"; // row 13
    const file = join(files, "bad.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const before = dumpDatabases(t.dataDir);
    const result = run(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "3 problems:",
      `  ${file}: row 9, column "FY 2016": must not be negative, got -685`,
      `  ${file}: row 12, column "category": unknown crime category "bicycle-theft"`,
      `  ${file}: row 13, column "FY 2019": must be a whole number, got "46.9"`,
    ]);
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });

  it("shows what would change on a dry run, imports it once, and changes nothing the second time", async () => {
    const lines = exported.trimEnd().split("\n");
    lines[3] = "all-crime,Total crime,4454,4576,5856,6249,6770"; // a correction of FY 2019
    lines.push("cycle-theft,Cycle theft,,,,212,198"); // a row the table did not have
    const file = join(files, "corrected.csv");
    const text = `${lines.join("\n")}\n`;
    writeFileSync(file, text);

    const before = dumpDatabases(t.dataDir);
    const dryRun = run(IMPORT, ["--file", file, "--dry-run"]);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain("2 to add, 1 to correct, 85 unchanged");
    expect(dryRun.stdout).toMatch(/add +cycle-theft +FY 2018 \(2017-10-01\.\.2018-09-30, ROLLING_12_MONTHS\) +212/);
    expect(dryRun.stdout).toMatch(/correct +all-crime +FY 2019 \(2018-10-01\.\.2019-09-30, ROLLING_12_MONTHS\) +6768 -> 6770/);
    expect(dryRun.stdout).toContain("Dry run: nothing written.");
    expect(dumpDatabases(t.dataDir)).toEqual(before);

    const imported = run(IMPORT, ["--file", file]);
    expect(imported.stdout).toContain("Imported in one transaction, with one audit entry.");
    // Through the gateway, at once: the running subgraph reads what the command wrote.
    expect(await figure("all-crime", "FY 2019")).toEqual([
      { count: 6770, period: { label: "FY 2019", start: "2018-10-01", end: "2019-09-30", basis: "ROLLING_12_MONTHS" }, source: { locator: expect.stringContaining("2019 Headline Figures") } },
    ]);
    expect((await figure("cycle-theft", "FY 2018"))[0].count).toBe(212);
    const audit = await t.query(`{ partnership(code: "${NWL}") { lastPublishedAt auditTrail { tokenId actor operation subject before after } } }`, {}, county);
    expect(audit.data.partnership.auditTrail).toHaveLength(1);
    const [entry] = audit.data.partnership.auditTrail;
    expect(entry).toMatchObject({ tokenId: null, operation: "importCrimeStatistics", subject: "corrected.csv" });
    expect(entry.actor).toMatch(/^pnpm figures:import corrected\.csv \(local command, run by .+\)$/);
    expect(JSON.parse(entry.before).map((f: any) => [f.category, f.count])).toEqual([["all-crime", 6768]]);
    expect(JSON.parse(entry.after).map((f: any) => [f.category, f.period.label, f.count])).toEqual([
      ["cycle-theft", "FY 2018", 212],
      ["cycle-theft", "FY 2019", 198],
      ["all-crime", "FY 2019", 6770],
    ]);

    const afterFirst = dumpDatabases(t.dataDir);
    const again = run(IMPORT, ["--file", file]);
    expect(again.stdout).toContain("0 to add, 0 to correct, 88 unchanged");
    expect(dumpDatabases(t.dataDir)).toEqual(afterFirst);

    // Import then export gives the file back, byte for byte.
    const exportedAgain = run(EXPORT, HEADLINE);
    expect(exportedAgain.stdout).toBe(text);
  });
});
