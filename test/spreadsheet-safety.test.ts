/**
 * Spreadsheets as officers' machines make them: Windows-1252 from an old Excel, UTF-16
 * "Unicode text", and labels a spreadsheet would run as formulas. Through the import and
 * export commands on a data folder of their own (the commands work on the database file).
 */
import { iconvEncode } from "./support/windows-1252";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/commands";
import { dumpDatabases } from "./support/database-dump";
import { copySeededData } from "./support/seeded-data";

const IMPORT = "services/csp/src/commands/import-cli.ts";
const EXPORT = "services/csp/src/commands/export-cli.ts";
const LOCATOR = "Safety test table";
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "csg-sheet-safety-"));
  // The commands work on a system's folder only (they refuse one that holds none).
  copySeededData(dataDir);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  runCommand(script, [...args, "--partnership", "melton", "--data-dir", dataDir]);
const table = (rows: string[]) =>
  [
    "document,,safety-test.csv",
    `locator,,${LOCATOR}`,
    "title,,Spreadsheet safety test figures",
    "publisher,,Melton Borough Council",
    "published,,2020-06-30",
    'category,local_label,"2019/20 (2019-04-01..2020-03-31, FINANCIAL_YEAR)"',
    ...rows,
  ].join("\n") + "\n";

describe("formula cells", () => {
  it("are exported with OWASP's leading quote and come back unchanged", async () => {
    const file = join(dataDir, "formulas.csv");
    // As export writes them: the quote protects the cell; the stored label has none.
    const text = table([
      'all-crime,"\'=HYPERLINK(""http://evil.example"")",101',
      "shoplifting,'-ve outcomes,102",
      "robbery,'@risk,103",
      "asb,''+ quoted,104",
    ]);
    writeFileSync(file, text);
    const imported = await run(IMPORT, ["--file", file]);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("4 to add");
    const out = join(dataDir, "exported.csv");
    expect((await run(EXPORT, ["--document", "safety-test.csv", "--locator", LOCATOR, "--out", out])).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(text);
    const labels = dumpDatabases(dataDir)
      ["melton.db"].crime_statistics.filter((s: any) => s.source_locator === LOCATOR)
      .map((s: any) => s.local_label);
    expect(labels).toEqual(['=HYPERLINK("http://evil.example")', "-ve outcomes", "@risk", "'+ quoted"]);
    const again = await run(IMPORT, ["--file", out]);
    expect(again.stdout).toContain("0 to add, 0 to correct, 4 unchanged");
  });
});

describe("encodings", () => {
  it("reads a Windows-1252 (Latin-1) file as such, and says so", async () => {
    const file = join(dataDir, "latin1.csv");
    writeFileSync(file, iconvEncode(table(["hate-crime,Hate crime – “racial” £,7"])));
    const before = dumpDatabases(dataDir);
    const result = await run(IMPORT, ["--file", file]);
    expect(result.stdout).toContain(`${file}: not UTF-8; read as windows-1252`);
    expect(result.status).toBe(0);
    const after = dumpDatabases(dataDir)["melton.db"].crime_statistics;
    expect(after.length).toBe(before["melton.db"].crime_statistics.length + 1);
    expect(after.at(-1)).toMatchObject({ local_label: "Hate crime – “racial” £", count: 7 });
  });

  it("refuses UTF-16 with how to save the file as UTF-8, writing nothing", async () => {
    const file = join(dataDir, "utf16.csv");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table(["asb,Anti-social behaviour,9"]), "utf16le")]),
    );
    const before = dumpDatabases(dataDir);
    const result = await run(IMPORT, ["--file", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${file}: is not a UTF-8 text file (it looks like UTF-16 "Unicode text"); save it as "CSV UTF-8 (Comma delimited) (*.csv)"`,
    );
    expect(dumpDatabases(dataDir)).toEqual(before);
  });
});
