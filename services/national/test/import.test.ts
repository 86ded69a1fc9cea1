import { parse } from "csv-parse/sync";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteOf } from "../src/db/database";
import { districtOfLsoaName } from "../src/import/police-uk-street";
import { importNationalFile } from "../src/import/import-file";
import { ImportRefused } from "../src/import/problems";
import { SAMPLE_FILES } from "../src/samples/sample-files";
import { writeOds } from "../src/samples/ods-writer";
import { HOME_OFFICE_HEADER, sampleYearRows } from "../src/samples/sample-content";
import { freshDatabase, samplePath, snapshot } from "./support";

const [LOOKUP, POPULATIONS, XLSX, ODS, CSV, STREET_FEB, STREET_MAR] = SAMPLE_FILES;

let db: ReturnType<typeof freshDatabase>;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const sqlite = () => sqliteOf(db.database);
const importFile = (file: string, dryRun = false) => importNationalFile(sqlite(), file, { dryRun });
const importSample = (file: string, dryRun = false) => importFile(samplePath(file), dryRun);

/** Every held count of some years, as `CSP|year|quarter|code -> count` (Home Office names). */
function held(years: string[]): Map<string, number> {
  const rows = sqlite()
    .prepare(
      `select a.name, o.financial_year as year, o.quarter, o.offence_code as code, o.count from offence_counts o join areas a on a.id = o.area_id
       where o.financial_year in (${years.map(() => "?").join(", ")})`,
    )
    .all(...years) as { name: string; year: string; quarter: number; code: string; count: number }[];
  return new Map(rows.map((r) => [`${r.name === "Kingston upon Hull" ? "Kingston upon Hull, City of" : r.name}|${r.year}|${r.quarter}|${r.code}`, r.count]));
}

/** The rows the sample builder wrote, independent of any reader. */
function written(years: [string, number[]][], edition: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const [year, quarters] of years) {
    for (const r of sampleYearRows(year, quarters, edition)) map.set(`${r[3]}|${r[0]}|${r[1]}|${r[7]}`, r[8] as number);
  }
  return map;
}

async function withLookup() {
  await importSample(LOOKUP);
  await importSample(POPULATIONS);
}

describe("Home Office CSP tables", () => {
  it("imports the XLSX sample (three year sheets, cover and notes): every row held with its count", async () => {
    await withLookup();
    const result = await importSample(XLSX);
    expect(result.kind).toBe("HOME_OFFICE_CSP_TABLE");
    expect(result.rows).toBe(3600);
    expect(result.summary[0]).toContain("edition 2019-07-18");
    expect(result.summary[0]).toContain("no figures in Cover_sheet, Notes");
    expect(held(["2016/17", "2017/18", "2018/19"])).toEqual(written([["2016/17", [1, 2, 3, 4]], ["2017/18", [1, 2, 3, 4]], ["2018/19", [1, 2, 3, 4]]], 1));
  });

  it("imports the ODS sample (streamed content.xml): every row held with its count", async () => {
    await withLookup();
    const result = await importSample(ODS);
    expect(result.rows).toBe(3000);
    expect(held(["2019/20", "2020/21", "2021/22"])).toEqual(written([["2019/20", [1, 2, 3, 4]], ["2020/21", [1, 2, 3, 4]], ["2021/22", [1, 2]]], 1));
  });

  it("imports the CSV sample, a newer edition: replaces the quarters it covers and says what changed", async () => {
    await withLookup();
    await importSample(ODS);
    const result = await importSample(CSV);
    expect(result.written).toBe(true);
    expect(held(["2020/21", "2021/22"])).toEqual(written([["2020/21", [1, 2, 3, 4]], ["2021/22", [1, 2, 3]]], 2));
    // 2019/20 is not in the newer edition: kept from the ODS.
    expect(held(["2019/20"])).toEqual(written([["2019/20", [1, 2, 3, 4]]], 1));
    const before = written([["2020/21", [1]]], 1);
    const after = written([["2020/21", [1]]], 2);
    const revised = [...after].filter(([key, count]) => before.get(key) !== count);
    expect(revised.length).toBeGreaterThan(0);
    expect(result.summary).toContain(`  2020/21 Q1: replaces ${ODS}: ${revised.length} counts changed, 0 added, 0 removed`);
    expect(result.summary).toContain("  2021/22 Q3: new, 300 counts");
    const [key, count] = revised.find(([k]) => k.startsWith("Birmingham|"))!;
    const code = key.split("|")[3];
    expect(result.summary).toContain(`    Birmingham, 2020/21 Q1, offence ${code}: ${before.get(key)} -> ${count}`);
  });

  it("importing the same file again changes nothing and writes nothing", async () => {
    await withLookup();
    await importSample(ODS);
    const before = snapshot(db.database);
    const again = await importSample(ODS);
    expect(again.written).toBe(false);
    expect(again.summary.at(-1)).toBe("Nothing changes: every quarter in the file is held with the same figures.");
    expect(snapshot(db.database)).toBe(before);
  });

  it("a dry run says what would change and writes nothing", async () => {
    await withLookup();
    const before = snapshot(db.database);
    const result = await importSample(ODS, true);
    expect(result.changed).toBe(true);
    expect(result.written).toBe(false);
    expect(result.summary).toContain("  2019/20 Q1: new, 300 counts");
    expect(snapshot(db.database)).toBe(before);
  });

  it("refuses an older edition over a newer one's quarters", async () => {
    await withLookup();
    await importSample(CSV);
    const before = snapshot(db.database);
    await expect(importSample(ODS)).rejects.toThrow(/2020\/21 Q1 is held from a newer edition \(2022-01-20/);
    expect(snapshot(db.database)).toBe(before);
  });

  it("refuses a broken CSV at its row and column, lists unknown CSP names, and writes nothing", async () => {
    await withLookup();
    const lines = readFileSync(samplePath(CSV), "utf8").split("\n");
    // Line 57 of the file: a negative count. Line 120: a fraction. Two lines from 130 on: a CSP nobody knows.
    lines[56] = lines[56].replace(/,\d+$/, ",-3");
    lines[119] = lines[119].replace(/,\d+$/, ",2.5");
    const atlantis = lines.findIndex((line, i) => i >= 129 && line.includes(",Charnwood,"));
    lines[atlantis] = lines[atlantis].replace(",Charnwood,", ",Atlantis,");
    lines[atlantis + 1] = lines[atlantis + 1].replace(",Charnwood,", ",Atlantis,");
    const broken = join(db.dir, "broken-prc-csp.csv");
    writeFileSync(broken, lines.join("\n"));
    expect(lines[atlantis + 1]).toContain("Atlantis");
    const before = snapshot(db.database);
    const error = await importFile(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    const message = (error as ImportRefused).message;
    expect(message).toContain('broken-prc-csp.csv: sheet "CSV", row 57, column "Offence Count": must not be negative, got -3');
    expect(message).toContain('broken-prc-csp.csv: sheet "CSV", row 120, column "Offence Count": must be a whole number, got 2.5');
    expect(message).toContain(`1 unknown CSP names`);
    expect(message).toContain(`"Atlantis": first at broken-prc-csp.csv: sheet "CSV", row ${atlantis + 1}, column "CSP Name"; 2 rows`);
    expect(snapshot(db.database)).toBe(before);
  });

  it("refuses a broken ODS at its sheet and row", async () => {
    await withLookup();
    const rows = [HOME_OFFICE_HEADER, ...sampleYearRows("2019/20", [1], 1)];
    rows[10] = [...rows[10]];
    rows[10][1] = 5; // sheet row 11: no fifth quarter
    const broken = join(db.dir, "broken.ods");
    await writeOds(broken, [{ name: "Notes", rows: [["Updated: 1 May 2020"]] }, { name: "2019_20", rows }]);
    const before = snapshot(db.database);
    await expect(importFile(broken)).rejects.toThrow('broken.ods: sheet "2019_20", row 11, column "Financial Quarter": expected 1, 2, 3 or 4, got "5"');
    expect(snapshot(db.database)).toBe(before);
  });

  it("keeps Unassigned rows as such, never given to a partnership", async () => {
    await withLookup();
    await importSample(ODS);
    const unassigned = sqlite().prepare("select kind, police_force as force, partnership from areas where name = 'Unassigned Leicestershire'").get();
    expect(unassigned).toEqual({ kind: "UNASSIGNED", force: "Leicestershire", partnership: null });
  });

  it("refuses a file of no known layout, saying what was expected, and the force-level table by name", async () => {
    const other = join(db.dir, "other.csv");
    writeFileSync(other, "Name,Value\nx,1\n");
    await expect(importFile(other)).rejects.toThrow(/no header row of a known layout[\s\S]*Financial Year, Financial Quarter, Police Force, CSP Name[\s\S]*Crime ID,Month,Reported by/);
    const force = join(db.dir, "force.csv");
    writeFileSync(force, "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences\n");
    await expect(importFile(force)).rejects.toThrow(/force-level table/);
  });
});

describe("police.uk street-level files", () => {
  /** The sample's rows counted by the test itself (csv-parse), by district and crime type. */
  function countedFromFile(file: string): Map<string, number> {
    const records = parse(readFileSync(samplePath(file)), { columns: true }) as Record<string, string>[];
    const counts = new Map<string, number>();
    for (const r of records) {
      const key = `${districtOfLsoaName(r["LSOA name"]) ?? ""}|${r["Crime type"]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  it("counts every row by month, district and crime type, ASB included, no-location rows as unplaced", async () => {
    const result = await importSample(STREET_MAR);
    const rows = sqlite().prepare("select district, crime_type as type, count, area_id as areaId from monthly_counts where month = '2021-03'").all() as {
      district: string; type: string; count: number; areaId: number | null;
    }[];
    expect(new Map(rows.map((r) => [`${r.district}|${r.type}`, r.count]))).toEqual(countedFromFile(STREET_MAR));
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(result.rows);
    expect(rows.filter((r) => r.district === "").reduce((s, r) => s + r.count, 0)).toBe(3);
    expect(rows.filter((r) => r.district === "").every((r) => r.areaId === null)).toBe(true);
    expect(rows.some((r) => r.type === "Anti-social behaviour" && r.district === "Charnwood")).toBe(true);
    expect(result.summary[1]).toBe(`  2021-03 Leicestershire Police: ${result.rows} rows (3 with no location, counted as unplaced), new`);
    const before = snapshot(db.database);
    expect((await importSample(STREET_MAR)).written).toBe(false);
    expect(snapshot(db.database)).toBe(before);
  });

  it("refuses a district that no lookup names, listing it, and writes nothing", async () => {
    const broken = join(db.dir, "2021-03-leicestershire-street.csv");
    copyFileSync(samplePath(STREET_FEB), broken);
    const lines = readFileSync(broken, "utf8").split("\n");
    lines[5] = lines[5].replace(/,Blaby (\d{3}[A-Z]),/, ",Rushcliffe $1,");
    writeFileSync(broken, lines.join("\n"));
    const before = snapshot(db.database);
    await expect(importFile(broken)).rejects.toThrow(/1 unknown districts \(from LSOA name\)[\s\S]*"Rushcliffe": first at 2021-03-leicestershire-street.csv: sheet "CSV", row 6, column "LSOA name"; 1 row/);
    expect(snapshot(db.database)).toBe(before);
  });
});

describe("ONS lookup and mid-year estimates", () => {
  it("adds the sample lookup's CSPs and districts, ties the nine partnerships by district code, and the estimates by mid-year", async () => {
    const lookup = await importSample(LOOKUP);
    expect(lookup.summary[1]).toBe("  28 CSPs and districts added, 0 changed");
    const hull = sqlite().prepare("select name, ons_code as code, police_force as force from areas where name = 'Kingston upon Hull'").get();
    expect(hull).toEqual({ name: "Kingston upon Hull", code: "E22999006", force: "Humberside" });
    const partnerships = sqlite().prepare("select count(*) as n from areas where partnership is not null").get();
    expect(partnerships).toEqual({ n: 9 });
    const estimates = await importSample(POPULATIONS);
    expect(estimates.summary[0]).toBe(`ONS mid-2020 population estimates ${POPULATIONS}: 14 areas`);
    expect(sqlite().prepare("select population from district_populations where lad_code = 'E06999006' and year = 2020").get()).toEqual({ population: 366170 });
    expect((await importSample(LOOKUP)).written).toBe(false);
  });
});
