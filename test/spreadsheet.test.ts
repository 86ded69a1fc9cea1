import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "@csg/operator/tokens";
import { runCommand } from "./support/commands";
import { dumpDatabases } from "./support/database-dump";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

const IMPORT = "services/csp/src/commands/import-cli.ts";
const EXPORT = "services/csp/src/commands/export-cli.ts";
const NWL = "north-west-leicestershire";
// The 2019 headline figures table of 000_b7c152d5842baba3.txt, as North West Leicestershire's officers keep it.
const HEADLINE = [
  "--document",
  "000_b7c152d5842baba3.txt",
  "--locator",
  "Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures",
];

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

const run = (script: string, args: string[]) =>
  runCommand(script, [...args, "--partnership", NWL, "--data-dir", t.dataDir]);

async function figure(category: string, label: string) {
  const { data } = await t.query(
    `{ partnership(code: "${NWL}") { crimeStatistics(category: "${category}") { count period { label start end basis } source { locator } } } }`,
  );
  return data.partnership.crimeStatistics.filter(
    (s: any) => s.period.label === label && s.source.locator !== "Figure 3",
  );
}

describe("a partnership's spreadsheet, through the import and export commands", () => {
  let exported: string;

  it("exports a table in the documents' layout: one row per category, one column per period", async () => {
    const out = join(files, "headline.csv");
    const result = await run(EXPORT, [...HEADLINE, "--out", out]);
    expect(result.status).toBe(0);
    exported = readFileSync(out, "utf8");
    const lines = exported.trimEnd().split("\n");
    const five = (cell: string) => `,${Array(5).fill(cell).join(",")}`;
    expect(lines.slice(0, 7)).toEqual([
      `document,${five("000_b7c152d5842baba3.txt")}`,
      `locator,${five("Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures")}`,
      `title,${five("Community Safety Partnership Plan 2020-2023")}`,
      `publisher,${five("Safer North West Leicestershire Partnership")}`,
      `published,${five("")}`,
      'category,local_label,"FY 2015 (2014-10-01..2015-09-30, ROLLING_12_MONTHS)","FY 2016 (2015-10-01..2016-09-30, ROLLING_12_MONTHS)","FY 2017 (2016-10-01..2017-09-30, ROLLING_12_MONTHS)","FY 2018 (2017-10-01..2018-09-30, ROLLING_12_MONTHS)","FY 2019 (2018-10-01..2019-09-30, ROLLING_12_MONTHS)"',
      "all-crime,Total crime,4454,4576,5856,6249,6768",
    ]);
    // Burglary was reclassified in 2018: the table prints nothing for FY 2015 and FY 2016.
    expect(lines).toContain("burglary-residential,Burglary Residential,,,275,439,438");
    expect(lines).toHaveLength(6 + 18);
  });

  it("imports its own export as a no-op: nothing written", async () => {
    const before = dumpDatabases(t.dataDir);
    const result = await run(IMPORT, ["--file", join(files, "headline.csv")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("0 to add, 0 to correct, 86 unchanged");
    expect(result.stdout).toContain("No change: nothing written, no audit entry.");
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });

  it("rejects a file with a bad row, naming file, row and column, and writes nothing", async () => {
    const lines = exported.trimEnd().split("\n");
    lines[11] = "criminal-damage-arson,Arson and criminal damage,708,-685,720,832,886"; // row 12 of the file
    lines[14] = "bicycle-theft,Burglary Residential,,,275,439,438"; // row 15
    lines[15] = "alcohol-related-violence,Alcohol Related Violence,192,217,298,439,46.9"; // row 16
    const file = join(files, "bad.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const before = dumpDatabases(t.dataDir);
    const result = await run(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "3 problems:",
      `  ${file}: row 12, column "FY 2016": must not be negative, got -685`,
      `  ${file}: row 15, column "category": unknown crime category "bicycle-theft"`,
      `  ${file}: row 16, column "FY 2019": must be a whole number, got "46.9"`,
    ]);
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });

  it("shows what would change on a dry run, imports it once, and changes nothing the second time", async () => {
    const lines = exported.trimEnd().split("\n");
    lines[6] = "all-crime,Total crime,4454,4576,5856,6249,6770"; // a correction of FY 2019
    lines.push("cycle-theft,Cycle theft,,,,212,198"); // a row the table did not have
    const file = join(files, "corrected.csv");
    const text = `${lines.join("\n")}\n`;
    writeFileSync(file, text);

    const before = dumpDatabases(t.dataDir);
    const dryRun = await run(IMPORT, ["--file", file, "--dry-run"]);
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain("2 to add, 1 to correct, 85 unchanged");
    expect(dryRun.stdout).toMatch(
      /add +cycle-theft +FY 2018 \(2017-10-01\.\.2018-09-30, ROLLING_12_MONTHS\) +212 +source: 000_b7c152d5842baba3\.txt, Safer North West/,
    );
    expect(dryRun.stdout).toMatch(
      /correct +all-crime +FY 2019 \(2018-10-01\.\.2019-09-30, ROLLING_12_MONTHS\) +6768 -> 6770/,
    );
    expect(dryRun.stdout).toContain("Dry run: nothing written.");
    expect(dumpDatabases(t.dataDir)).toEqual(before);

    const imported = await run(IMPORT, ["--file", file]);
    expect(imported.stdout).toContain("Imported in one transaction, with one audit entry.");
    // Through the gateway, at once: the running subgraph reads what the command wrote.
    expect(await figure("all-crime", "FY 2019")).toEqual([
      {
        count: 6770,
        period: { label: "FY 2019", start: "2018-10-01", end: "2019-09-30", basis: "ROLLING_12_MONTHS" },
        source: { locator: expect.stringContaining("2019 Headline Figures") },
      },
    ]);
    expect((await figure("cycle-theft", "FY 2018"))[0].count).toBe(212);
    const audit = await t.query(
      `{ partnership(code: "${NWL}") { lastPublishedAt auditTrail { tokenId actor operation subject before after } } }`,
      {},
      county,
    );
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
    const again = await run(IMPORT, ["--file", file]);
    expect(again.stdout).toContain("0 to add, 0 to correct, 88 unchanged");
    expect(dumpDatabases(t.dataDir)).toEqual(afterFirst);

    // Import then export gives the file back, byte for byte.
    const exportedAgain = await run(EXPORT, HEADLINE);
    expect(exportedAgain.stdout).toBe(text);
  });
});

describe("a column added to an exported table names its own source", () => {
  const FIGURE_3 = ["--document", "002_8e9c48eccd29813b.txt", "--locator", "Figure 3"];
  const meltonRun = (script: string, args: string[]) =>
    runCommand(script, [...args, "--partnership", "melton", "--data-dir", t.dataDir]);
  const HEADING_2019 = '"2019/20 (2019-04-01..2020-03-31, FINANCIAL_YEAR)"';
  let lines: string[];

  /** Figure 3 of the report of 6 March 2019 as Melton exports it, with a 2019/20 column whose source rows read `cells`. */
  function withColumn(
    name: string,
    cells: Record<"document" | "locator" | "title" | "publisher" | "published", string>,
    count = "2912",
  ): string {
    const file = join(files, name);
    const added = lines.map((line, i) => {
      const row = line.split(",")[0];
      if (i < 5) return `${line},${cells[row as keyof typeof cells]}`;
      if (i === 5) return `${line},${HEADING_2019}`;
      return row === "all-crime" ? `${line},${count}` : `${line},`;
    });
    writeFileSync(file, `${added.join("\n")}\n`);
    return file;
  }

  beforeAll(async () => {
    const result = await meltonRun(EXPORT, FIGURE_3);
    expect(result.status).toBe(0);
    lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "document,,002_8e9c48eccd29813b.txt,002_8e9c48eccd29813b.txt,002_8e9c48eccd29813b.txt,002_8e9c48eccd29813b.txt",
    );
    expect(lines[4]).toBe("published,,2019-03-06,2019-03-06,2019-03-06,2019-03-06");
  });

  it("refuses a 2019/20 column that copies Figure 3's source, naming the figure and both dates, and writes nothing", async () => {
    const file = withColumn("copied.csv", {
      document: "002_8e9c48eccd29813b.txt",
      locator: "Figure 3",
      title: "",
      publisher: "",
      published: "",
    });
    const before = dumpDatabases(t.dataDir);
    const result = await meltonRun(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `${file}: row 7, column "2019/20": the figure all-crime ("Recorded Crime") for 2019/20 ends on 2020-03-31, after its source "Crime and Disorder Reduction and Community Safety (Scrutiny Management Board, Item 7)" (002_8e9c48eccd29813b.txt) was published on 2019-03-06: a recorded figure cannot come from a document published before its period ended (a projection may: give its period the basis PROJECTION)`,
    );
    expect(dumpDatabases(t.dataDir)).toEqual(before);
  });

  it("refuses a column whose source cells are blank: it never takes another column's", async () => {
    const file = withColumn("blank.csv", { document: "", locator: "", title: "", publisher: "", published: "" });
    const result = await meltonRun(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `row 1, column "2019/20": names no document: every period column names its own source (document in row 1), never another column's`,
    );
    expect(result.stderr).toContain(`row 2, column "2019/20": names no locator`);
  });

  it("refuses a new document without its title and publisher, naming the rows", async () => {
    const file = withColumn("untitled.csv", {
      document: "melton-review-2020.pdf",
      locator: "Table 2",
      title: "",
      publisher: "",
      published: "2020-07-15",
    });
    const result = await meltonRun(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `row 3, column "2019/20": is required for melton-review-2020.pdf, a document the system has not seen before (give its title and publisher)`,
    );
    expect(result.stderr).toContain(`row 4, column "2019/20": is required for melton-review-2020.pdf`);
  });

  it("imports a 2019/20 column from a new document, reports the source each new figure got, and serves its title through the gateway", async () => {
    const file = withColumn("review.csv", {
      document: "melton-review-2020.pdf",
      locator: "Table 2",
      title: "Melton Community Safety Partnership Annual Review 2019/20",
      publisher: "Melton Borough Council",
      published: "2020-07-15",
    });
    const result = await meltonRun(IMPORT, ["--file", file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("1 to add, 0 to correct, 4 unchanged");
    expect(result.stdout).toMatch(
      /add +all-crime +2019\/20 \(2019-04-01\.\.2020-03-31, FINANCIAL_YEAR\) +2912 +source: melton-review-2020\.pdf, Table 2/,
    );
    expect(result.stdout).toContain(
      'new document melton-review-2020.pdf: "Melton Community Safety Partnership Annual Review 2019/20", Melton Borough Council, published 2020-07-15',
    );
    const { data } = await t.query(
      `{ partnership(code: "melton") { crimeStatistics(category: "all-crime") { count period { label } source { document locator title publisher published } } } }`,
    );
    expect(data.partnership.crimeStatistics.filter((s: any) => s.period.label === "2019/20")).toEqual([
      {
        count: 2912,
        period: { label: "2019/20" },
        source: {
          document: "melton-review-2020.pdf",
          locator: "Table 2",
          title: "Melton Community Safety Partnership Annual Review 2019/20",
          publisher: "Melton Borough Council",
          published: "2020-07-15",
        },
      },
    ]);
  });

  it("refuses a file in the layout before sources were named per column (one source for the whole table)", async () => {
    const file = join(files, "old-layout.csv");
    writeFileSync(
      file,
      [
        "document,002_8e9c48eccd29813b.txt",
        "locator,Figure 3",
        'category,local_label,"2017/18 (2017-04-01..2018-03-31, FINANCIAL_YEAR)"',
        "all-crime,Recorded Crime,2799",
      ].join("\n") + "\n",
    );
    const result = await meltonRun(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}: row 1: names one document for the whole table ("document,002_8e9c48eccd29813b.txt"): the layout names each period column's source in its own cells`,
    );
  });
});
