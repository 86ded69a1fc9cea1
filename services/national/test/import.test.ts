import { parse } from "csv-parse/sync";
import { readFileSync, writeFileSync } from "node:fs";
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
import { cspPopulations } from "../src/comparison/csp-populations";
import { ESTIMATES } from "../src/samples/edition-content";
import { EDITIONS_DIR, EDITION_FILES } from "../src/samples/edition-content";

const [XLSX, ODS, CSV, STREET_FEB, STREET_MAR] = SAMPLE_FILES;
const edition = (file: string) => samplePath(`${EDITIONS_DIR}/${file}`);

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
  return new Map(
    rows.map((r) => [
      `${r.name === "Kingston upon Hull" ? "Kingston upon Hull, City of" : r.name}|${r.year}|${r.quarter}|${r.code}`,
      r.count,
    ]),
  );
}

/** The rows the sample builder wrote, independent of any reader. */
function written(years: [string, number[]][], edition: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const [year, quarters] of years) {
    for (const r of sampleYearRows(year, quarters, edition)) map.set(`${r[3]}|${r[0]}|${r[1]}|${r[7]}`, r[8] as number);
  }
  return map;
}

/** The MADE-UP lookup and estimates in the December 2024 and 2019 layouts. */
async function withLookup() {
  await importFile(edition(EDITION_FILES.lookup));
  await importFile(edition(EDITION_FILES.estimates));
}

describe("Home Office CSP tables", () => {
  it("imports the XLSX sample (three year sheets, cover and notes): every row held with its count", async () => {
    await withLookup();
    const result = await importSample(XLSX);
    expect(result.kind).toBe("HOME_OFFICE_CSP_TABLE");
    expect(result.rows).toBe(3600);
    expect(result.summary[0]).toContain("edition 2019-07-18");
    expect(result.summary[0]).toContain("no figures in Cover_sheet, Notes");
    expect(held(["2016/17", "2017/18", "2018/19"])).toEqual(
      written(
        [
          ["2016/17", [1, 2, 3, 4]],
          ["2017/18", [1, 2, 3, 4]],
          ["2018/19", [1, 2, 3, 4]],
        ],
        1,
      ),
    );
  });

  it("imports the ODS sample (streamed content.xml): every row held with its count", async () => {
    await withLookup();
    const result = await importSample(ODS);
    expect(result.rows).toBe(3000);
    expect(held(["2019/20", "2020/21", "2021/22"])).toEqual(
      written(
        [
          ["2019/20", [1, 2, 3, 4]],
          ["2020/21", [1, 2, 3, 4]],
          ["2021/22", [1, 2]],
        ],
        1,
      ),
    );
  });

  it("imports the CSV sample, a newer edition: replaces the quarters it covers and says what changed", async () => {
    await withLookup();
    await importSample(ODS);
    const result = await importSample(CSV);
    expect(result.written).toBe(true);
    expect(held(["2020/21", "2021/22"])).toEqual(
      written(
        [
          ["2020/21", [1, 2, 3, 4]],
          ["2021/22", [1, 2, 3]],
        ],
        2,
      ),
    );
    // 2019/20 is not in the newer edition: kept from the ODS.
    expect(held(["2019/20"])).toEqual(written([["2019/20", [1, 2, 3, 4]]], 1));
    const before = written([["2020/21", [1]]], 1);
    const after = written([["2020/21", [1]]], 2);
    const revised = [...after].filter(([key, count]) => before.get(key) !== count);
    expect(revised.length).toBeGreaterThan(0);
    expect(result.summary).toContain(
      `  2020/21 Q1: replaces ${ODS}: ${revised.length} counts changed, 0 added, 0 removed`,
    );
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

  it("refuses a broken CSV at its row and column and writes nothing; a negative count and a CSP no lookup names are no problems", async () => {
    await withLookup();
    const lines = readFileSync(samplePath(CSV), "utf8").split("\n");
    // Line 57 of the file: a negative count (kept). Line 120: a fraction. Two lines from 130 on: a CSP nobody knows (kept, listed).
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
    expect((error as ImportRefused).problems).toEqual([
      'broken-prc-csp.csv: sheet "CSV", row 120, column "Offence Count": must be a whole number, got 2.5',
    ]);
    expect(snapshot(db.database)).toBe(before);

    lines[119] = lines[119].replace(/,2\.5$/, ",7");
    writeFileSync(broken, lines.join("\n"));
    const result = await importFile(broken);
    expect(result.written).toBe(true);
    expect(result.summary).toContain(
      "  1 negative counts (net of crimes cancelled after an earlier quarter recorded them; -3 in all), kept and summed as published",
    );
    expect(result.summary).toContain(
      `    Atlantis (${lines[atlantis].split(",")[2]}): first at broken-prc-csp.csv: sheet "CSV", row ${atlantis + 1}, column "CSP Name"; 2 rows`,
    );
    const [year, quarter, , , , , , code] = lines[56].split(",");
    const held = sqlite()
      .prepare(
        "select count from offence_counts where financial_year = ? and quarter = ? and offence_code = ? and count < 0",
      )
      .all(year, Number(quarter), code);
    expect(held).toEqual([{ count: -3 }]);
    expect(
      sqlite().prepare("select kind, ons_code as code, police_force as force from areas where name = 'Atlantis'").get(),
    ).toEqual({ kind: "CSP", code: null, force: lines[atlantis].split(",")[2] });
  });

  it("refuses a broken ODS at its sheet and row", async () => {
    await withLookup();
    const rows = [HOME_OFFICE_HEADER, ...sampleYearRows("2019/20", [1], 1)];
    rows[10] = [...rows[10]];
    rows[10][1] = 5; // sheet row 11: no fifth quarter
    const broken = join(db.dir, "broken.ods");
    await writeOds(broken, [
      { name: "Notes", rows: [["Updated: 1 May 2020"]] },
      { name: "2019_20", rows },
    ]);
    const before = snapshot(db.database);
    await expect(importFile(broken)).rejects.toThrow(
      'broken.ods: sheet "2019_20", row 11, column "Financial Quarter": expected 1, 2, 3 or 4, got "5"',
    );
    expect(snapshot(db.database)).toBe(before);
  });

  it("keeps Unassigned rows as such, never given to a partnership", async () => {
    await withLookup();
    await importSample(ODS);
    const unassigned = sqlite()
      .prepare("select kind, police_force as force, partnership from areas where name = 'Unassigned Leicestershire'")
      .get();
    expect(unassigned).toEqual({ kind: "UNASSIGNED", force: "Leicestershire", partnership: null });
  });

  it("refuses a file of no known layout, saying what was expected, and the force-level table by name", async () => {
    const other = join(db.dir, "other.csv");
    writeFileSync(other, "Name,Value\nx,1\n");
    await expect(importFile(other)).rejects.toThrow(
      /no header row of a known layout[\s\S]*Financial Year, Financial Quarter, Force Name \(or Police Force\), CSP Name[\s\S]*Crime ID,Month,Reported by/,
    );
    const force = join(db.dir, "force.csv");
    writeFileSync(
      force,
      "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences\n",
    );
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
    const rows = sqlite()
      .prepare(
        "select district, crime_type as type, count, area_id as areaId from monthly_counts where month = '2021-03'",
      )
      .all() as {
      district: string;
      type: string;
      count: number;
      areaId: number | null;
    }[];
    expect(new Map(rows.map((r) => [`${r.district}|${r.type}`, r.count]))).toEqual(countedFromFile(STREET_MAR));
    expect(rows.reduce((s, r) => s + r.count, 0)).toBe(result.rows);
    expect(rows.filter((r) => r.district === "").reduce((s, r) => s + r.count, 0)).toBe(3);
    expect(rows.filter((r) => r.district === "").every((r) => r.areaId === null)).toBe(true);
    expect(rows.some((r) => r.type === "Anti-social behaviour" && r.district === "Charnwood")).toBe(true);
    expect(result.summary[1]).toBe(
      `  2021-03 Leicestershire Police: ${result.rows} rows (3 with no location, counted as unplaced), new`,
    );
    const before = snapshot(db.database);
    expect((await importSample(STREET_MAR)).written).toBe(false);
    expect(snapshot(db.database)).toBe(before);
  });

  it("counts a district no lookup names by district, lists it, and places it in its CSP once a lookup names it", async () => {
    const file = join(db.dir, "2021-03-leicestershire-street.csv");
    const lines = readFileSync(samplePath(STREET_FEB), "utf8").split("\n");
    lines[5] = lines[5].replace(/,Blaby (\d{3}[A-Z]),/, ",Coventry $1,");
    writeFileSync(file, lines.join("\n"));
    const result = await importFile(file);
    expect(result.summary).toContain(
      '    Coventry: not in any lookup held; first at 2021-03-leicestershire-street.csv: sheet "CSV", row 6, column "LSOA name"; 1 rows',
    );
    const coventry = () =>
      sqlite().prepare("select count, area_id as areaId from monthly_counts where district = 'Coventry'").get() as {
        count: number;
        areaId: number | null;
      };
    expect(coventry()).toEqual({ count: 1, areaId: null });
    await importFile(edition(EDITION_FILES.lookup));
    const area = sqlite().prepare("select id from areas where name = 'Coventry'").pluck().get();
    expect(coventry()).toEqual({ count: 1, areaId: area });
  });
});

describe("ONS lookup and mid-year estimates (MADE-UP files in the real editions' layouts)", () => {
  it("holds the lookup as (district, CSP) pairs of its edition, Welsh W14 codes included; a district under several CSPs leaves each without a population; re-importing changes nothing", async () => {
    const lookup = await importFile(edition(EDITION_FILES.lookup));
    expect(lookup.summary[0]).toBe(
      `ONS district-to-CSP lookup ${EDITION_FILES.lookup} (2024 edition): 16 rows, 13 districts, 16 CSPs`,
    );
    expect(lookup.summary[1]).toContain("1 districts appear under several CSPs");
    expect(
      sqlite()
        .prepare("select name, ons_code as code, police_force as force from areas where ons_code like 'W14%'")
        .all(),
    ).toEqual([{ name: "Cardiff", code: "W14000015", force: "South Wales" }]);
    const buckinghamshire = sqlite()
      .prepare(
        "select a.name from districts d join areas a on a.id = d.area_id where d.lad_code = 'E06000060' and d.edition = 2024 order by 1",
      )
      .pluck()
      .all();
    expect(buckinghamshire).toEqual(["Aylesbury Vale", "Chiltern", "South Bucks", "Wycombe"]);
    expect(sqlite().prepare("select count(*) as n from areas where partnership is not null").get()).toEqual({ n: 9 });
    await importFile(edition(EDITION_FILES.estimates));
    const populationOf = cspPopulations(sqlite(), 2019);
    const id = (name: string) => sqlite().prepare("select id from areas where name = ?").pluck().get(name) as number;
    expect(populationOf(id("Wycombe"), "Wycombe")).toEqual({
      reason:
        "Wycombe covers part of Buckinghamshire (E06000060): the 2024 ONS lookup lists that district under several CSPs, so its population cannot be read from the districts' estimates",
    });
    expect(populationOf(id("Cardiff"), "Cardiff")).toEqual({ population: 366_900 });
    const before = snapshot(db.database);
    const again = await importFile(edition(EDITION_FILES.lookup));
    expect(again.written).toBe(false);
    expect(again.summary.at(-1)).toBe("Nothing changes: every CSP and district pair is held as in this file.");
    expect(snapshot(db.database)).toBe(before);
  });

  it("reads the estimates' Persons sheet only, the year from its own title (not the Related publications sheet's), notes under the table ignored", async () => {
    const result = await importFile(edition(EDITION_FILES.estimates));
    expect(result.summary).toEqual([
      `ONS mid-2019 population estimates ${EDITION_FILES.estimates}: 14 areas from sheet "MYE2 - Persons" (Persons, All ages)`,
      "  not read: MYE2 - Males, MYE2 - Females (rates use Persons only)",
      "  2 rows of notes under the table ignored",
      "  14 added, 0 changed",
    ]);
    const held = sqlite()
      .prepare("select lad_code as code, population from district_populations where year = 2019 order by 1")
      .all();
    expect(held).toEqual(
      ESTIMATES.map(([code, , , persons]) => ({ code, population: persons })).sort((a, b) =>
        a.code.localeCompare(b.code),
      ),
    );
    // Not the Related publications sheet's 2011, nor the Males or Females figures.
    expect(
      sqlite()
        .prepare("select distinct year from district_populations where source_document = ?")
        .pluck()
        .all(EDITION_FILES.estimates),
    ).toEqual([2019]);
    expect((await importFile(edition(EDITION_FILES.estimates))).written).toBe(false);
  });

  it("refuses an .xls workbook in one sentence that says how to convert it", async () => {
    const xls = join(db.dir, "mye2019.xls");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    await expect(importFile(xls)).rejects.toThrow(
      `${xls} is an Excel 97-2003 workbook (.xls), which this importer does not read: open it in Excel or LibreOffice and save it as .xlsx (or run \`soffice --headless --convert-to xlsx ${xls}\`), then import the .xlsx.`,
    );
  });
});
