/**
 * The national subgraph through the gateway: a fresh system imports the repository's SAMPLE
 * files on first start (made-up counts), and nationalComparison answers from them. Expected
 * values are read from the sample files themselves (and the reference populations).
 */
import { SAMPLES_DIR, SAMPLE_FILES } from "@csg/national-subgraph";
import { parseCsv } from "@csg/service-runtime";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/commands";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";

const CSV_EDITION = SAMPLE_FILES[2]; // sample-prc-csp-mar20-dec21-tables-200122.csv: the newest for 2020/21
const ODS_EDITION = SAMPLE_FILES[1];
const LEICESTERSHIRE = [
  "Blaby",
  "Charnwood",
  "Harborough",
  "Hinckley and Bosworth",
  "Leicester",
  "Melton",
  "North West Leicestershire",
  "Oadby and Wigston",
  "Rutland",
];
const CHARNWOOD_2020_POPULATION = 187556; // reference populations: ONS estimate labelled 2020

function records(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(join(SAMPLES_DIR, file), "utf8"));
  return rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])));
}

/** A CSP's all-crime count for a year, summed by the test from the sample file. */
function sampleSum(file: string, csp: string, year: string): number {
  return records(file)
    .filter((r) => r["CSP Name"] === csp && r["Financial Year"] === year)
    .reduce((sum, r) => sum + Number(r["Offence Count"]), 0);
}

const COMPARISON = `query ($category: ID!, $year: String!) {
  nationalComparison(category: $category, financialYear: $year) {
    mapped unmappedReason complete quartersHeld sampleData
    rows { csp { name code policeForce } partnership { code name } count ratePer1000 rateUnavailableReason rank rankByRate forcePosition { policeForce rank of } }
    unassigned { csp { name kind } count partnership { code } rank }
    sources { document locator }
  }
}`;

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(async () => {
  await t?.stop();
});

describe("nationalComparison through the gateway (sample data)", () => {
  it("ranks every CSP of the sample table by count, with the rates of the populations held", async () => {
    const { data, errors } = await t.query(COMPARISON, { category: "all-crime", year: "2020/21" });
    expect(errors).toBeUndefined();
    const comparison = data.nationalComparison;
    expect(comparison).toMatchObject({
      mapped: true,
      complete: true,
      quartersHeld: [1, 2, 3, 4],
      sampleData: true,
      sources: [{ document: CSV_EDITION, locator: "CSV" }],
    });
    const charnwood = comparison.rows.find((r: any) => r.csp.name === "Charnwood");
    expect(sampleSum(CSV_EDITION, "Charnwood", "2020/21")).toBe(4390);
    expect(charnwood).toMatchObject({
      csp: { name: "Charnwood", code: "E22000165", policeForce: "Leicestershire" },
      partnership: { code: "charnwood", name: "Charnwood Community Safety Partnership" },
      count: 4390,
      ratePer1000: (4390 / CHARNWOOD_2020_POPULATION) * 1000,
    });
    // Every CSP's count is its rows of the file summed; rank 1 is the highest.
    const csps = [...new Set(records(CSV_EDITION).map((r) => r["CSP Name"]))].filter(
      (n) => n !== "Unassigned Leicestershire" && n !== "Manchester Airport",
    );
    expect(comparison.rows).toHaveLength(csps.length);
    const expected = csps.map((name) => sampleSum(CSV_EDITION, name, "2020/21")).sort((a, b) => b - a);
    expect(comparison.rows.map((r: any) => r.count)).toEqual(expected);
    expect(comparison.rows[0].rank).toBe(1);
    expect(charnwood.rank).toBe(1 + expected.filter((c) => c > 4390).length);
    // Outside the federation: no partnership. Unassigned and non-CSP rows: kept, unranked.
    expect(comparison.rows.find((r: any) => r.csp.name === "Coventry").partnership).toBeNull();
    expect(
      comparison.rows
        .filter((r: any) => r.partnership)
        .map((r: any) => r.partnership.code)
        .sort(),
    ).toEqual([
      "blaby",
      "charnwood",
      "harborough",
      "hinckley-and-bosworth",
      "leicester",
      "melton",
      "north-west-leicestershire",
      "oadby-and-wigston",
      "rutland",
    ]);
    expect(comparison.unassigned).toEqual([
      {
        csp: { name: "Manchester Airport", kind: "NOT_A_CSP" },
        count: sampleSum(CSV_EDITION, "Manchester Airport", "2020/21"),
        partnership: null,
        rank: null,
      },
      {
        csp: { name: "Unassigned Leicestershire", kind: "UNASSIGNED" },
        count: sampleSum(CSV_EDITION, "Unassigned Leicestershire", "2020/21"),
        partnership: null,
        rank: null,
      },
    ]);
    // Within the force: the nine Leicestershire CSPs.
    const force = comparison.rows.filter((r: any) => r.csp.policeForce === "Leicestershire");
    expect(force.map((r: any) => r.forcePosition.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(charnwood.forcePosition).toEqual({
      policeForce: "Leicestershire",
      rank: force.indexOf(charnwood) + 1,
      of: 9,
    });
  });

  it("ranks by rate where a population is held (Leicestershire's nine, no lookup held for the others), and within Leicester's Most Similar Group as its plan lists it", async () => {
    const { data, errors } = await t.query(`{ nationalComparison(category: "all-crime", financialYear: "2020/21") {
      rows { csp { name code } ratePer1000 rankByRate rateUnavailableReason }
      group(id: "leicester-msg") { group { name source { document locator } } rows { member row { csp { name } ratePer1000 } rankByRate } missingMembers }
    } }`);
    expect(errors).toBeUndefined();
    const { rows, group } = data.nationalComparison;
    const rated = rows.filter((r: any) => r.ratePer1000 !== null);
    expect(rated.map((r: any) => r.csp.name).sort()).toEqual(LEICESTERSHIRE);
    const rates = rated.map((r: any) => r.ratePer1000).sort((a: number, b: number) => b - a);
    for (const r of rated) expect(r.rankByRate).toBe(1 + rates.filter((x: number) => x > r.ratePer1000).length);
    // A first start invents no code: the Home Office tables name CSPs only, so the others have none until the lookup is imported.
    const coventry = rows.find((r: any) => r.csp.name === "Coventry");
    expect(coventry).toEqual({
      csp: { name: "Coventry", code: null },
      ratePer1000: null,
      rankByRate: null,
      rateUnavailableReason:
        "no districts of Coventry in an ONS district-to-CSP lookup held (import the lookup to give it a population)",
    });
    expect(group.group).toEqual({
      name: "Leicester's Most Similar Group",
      source: { document: "001_8673ceba529ca673.txt", locator: "All Crime" },
    });
    expect(group.missingMembers).toEqual([]);
    expect(group.rows).toHaveLength(15);
    const hull = group.rows.find((r: any) => r.member === "Humberside - Kingston upon Hull, City of");
    expect(hull.row.csp.name).toBe("Kingston upon Hull, City of");
    expect(group.rows.filter((r: any) => r.rankByRate !== null).map((r: any) => [r.member, r.rankByRate])).toEqual([
      ["Leicestershire - Leicester", 1],
    ]);
  });

  it("a financial year not held is an error naming the years held", async () => {
    const { errors } = await t.query(COMPARISON, { category: "all-crime", year: "2030/31" });
    expect(errors?.[0].message).toBe(
      "The Home Office tables held have no figures for 2030/31: the financial years held are 2016/17, 2017/18, 2018/19, 2019/20, 2020/21, 2021/22.",
    );
    expect(errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("serves no rate without a population, no year's count without its four quarters, and no burglary before April 2017", async () => {
    const noPopulation = await t.query(COMPARISON, { category: "all-crime", year: "2019/20" });
    const charnwood = noPopulation.data.nationalComparison.rows.find((r: any) => r.csp.name === "Charnwood");
    expect(charnwood).toMatchObject({
      count: expect.any(Number),
      ratePer1000: null,
      rateUnavailableReason: "no ONS mid-2019 population estimate held for Charnwood",
    });
    const partial = await t.query(COMPARISON, { category: "all-crime", year: "2021/22" });
    expect(partial.data.nationalComparison).toMatchObject({ complete: false, quartersHeld: [1, 2, 3] });
    expect(partial.data.nationalComparison.rows.every((r: any) => r.count === null && r.rank === null)).toBe(true);
    const burglary = await t.query(COMPARISON, { category: "burglary-residential", year: "2016/17" });
    expect(burglary.data.nationalComparison.mapped).toBe(false);
    expect(burglary.data.nationalComparison.rows).toEqual([]);
    expect(burglary.data.nationalComparison.unmappedReason).toMatch(
      /^burglary-residential maps to the Home Office's tables from 2017\/18 only/,
    );
    const burglary2017 = await t.query(COMPARISON, { category: "burglary-residential", year: "2017/18" });
    expect(burglary2017.data.nationalComparison.rows).toHaveLength(23);
  });

  it("serves a partnership's own figure and the Home Office's for the same year side by side, each with its source", async () => {
    const { data, errors } = await t.query(`{ partnership(code: "harborough") {
      crimeStatistics(category: "all-crime") { count period { label start end } source { document locator } }
      nationalPosition(category: "all-crime", financialYear: "2019/20") { count csp { name } }
    } n: nationalComparison(category: "all-crime", financialYear: "2019/20") { sources { document locator } } }`);
    expect(errors).toBeUndefined();
    const own = data.partnership.crimeStatistics.find(
      (s: any) => s.period.start === "2019-04-01" && s.period.end === "2020-03-31",
    );
    expect(own).toEqual({
      count: 4631,
      period: { label: "Year 2019/20", start: "2019-04-01", end: "2020-03-31" },
      source: { document: "004_8bb5bc87ec4dd763.txt", locator: "Two year crime comparison" },
    });
    expect(data.partnership.nationalPosition.csp.name).toBe("Harborough");
    expect(data.partnership.nationalPosition.count).not.toBe(4631);
    expect(data.n.sources).toEqual([2019].map(() => ({ document: ODS_EDITION, locator: "2019_20" })));
  });

  it("lists the financial years held and every partnership's position in each, with how many CSPs were ranked", async () => {
    const { data, errors } = await t.query(`{
      nationalFinancialYears { financialYear period { start end } quartersHeld complete sampleData sources { document locator } }
      partnerships { code nationalPositions(category: "all-crime") { financialYear complete groupSize groupSizeByRate sampleData row { count rank ratePer1000 rankByRate forcePosition { rank of } } } }
    }`);
    expect(errors).toBeUndefined();
    // Years of the XLSX (2016/17 to 2018/19), the ODS (2019/20) and the newer CSV (2020/21, 2021/22 Q1 to Q3).
    expect(
      data.nationalFinancialYears.map((y: any) => [
        y.financialYear,
        y.quartersHeld.join(""),
        y.complete,
        y.sources.map((s: any) => `${s.document} ${s.locator}`).join("; "),
      ]),
    ).toEqual([
      ["2016/17", "1234", true, `${SAMPLE_FILES[0]} 2016_17`],
      ["2017/18", "1234", true, `${SAMPLE_FILES[0]} 2017_18`],
      ["2018/19", "1234", true, `${SAMPLE_FILES[0]} 2018_19`],
      ["2019/20", "1234", true, `${ODS_EDITION} 2019_20`],
      ["2020/21", "1234", true, `${CSV_EDITION} CSV`],
      ["2021/22", "123", false, `${CSV_EDITION} CSV`],
    ]);
    expect(data.nationalFinancialYears[0].period).toEqual({ start: "2016-04-01", end: "2017-03-31" });
    expect(data.nationalFinancialYears.every((y: any) => y.sampleData)).toBe(true);
    // Every partnership of the federation has a row each year; 2020/21's ranks are the CSV's, among its 23 CSPs.
    const csps = [...new Set(records(CSV_EDITION).map((r) => r["CSP Name"]))].filter(
      (n) => n !== "Unassigned Leicestershire" && n !== "Manchester Airport",
    );
    const counts = csps.map((name) => sampleSum(CSV_EDITION, name, "2020/21"));
    expect(data.partnerships).toHaveLength(9);
    for (const p of data.partnerships) {
      expect(p.nationalPositions.map((y: any) => y.financialYear)).toEqual(
        data.nationalFinancialYears.map((y: any) => y.financialYear),
      );
      const y2020 = p.nationalPositions[4];
      const count = sampleSum(CSV_EDITION, csps.find((n) => n.toLowerCase().replace(/ /g, "-") === p.code)!, "2020/21");
      expect(y2020).toMatchObject({
        complete: true,
        groupSize: csps.length,
        groupSizeByRate: LEICESTERSHIRE.length,
        sampleData: true,
        row: { count, rank: 1 + counts.filter((c) => c > count).length, forcePosition: { of: 9 } },
      });
      expect(p.nationalPositions[5]).toMatchObject({ complete: false, groupSize: 0, row: { count: null, rank: null } });
    }
    const charnwood = data.partnerships.find((p: any) => p.code === "charnwood").nationalPositions[4].row;
    expect(charnwood.count).toBe(4390);
    expect(charnwood.ratePer1000).toBe((4390 / CHARNWOOD_2020_POPULATION) * 1000);
  });

  it("serves each partnership's police.uk months, ASB included, and the unplaced rows", async () => {
    const { data, errors } =
      await t.query(`{ partnership(code: "charnwood") { policeUkMonthly { month crimeType count category { id } source { document } } }
      policeUkMonths { month force total unplaced sampleData } }`);
    expect(errors).toBeUndefined();
    const counted = new Map<string, number>();
    for (const file of [SAMPLE_FILES[3], SAMPLE_FILES[4]]) {
      for (const r of records(file)) {
        if (!r["LSOA name"].startsWith("Charnwood ")) continue;
        const key = `${r.Month}|${r["Crime type"]}`;
        counted.set(key, (counted.get(key) ?? 0) + 1);
      }
    }
    const served = data.partnership.policeUkMonthly;
    expect(new Map(served.map((m: any) => [`${m.month}|${m.crimeType}`, m.count]))).toEqual(counted);
    expect(served.find((m: any) => m.crimeType === "Anti-social behaviour").category).toEqual({ id: "asb" });
    expect(served.find((m: any) => m.crimeType === "Burglary")?.category ?? null).toBeNull();
    const march = records(SAMPLE_FILES[4]);
    expect(data.policeUkMonths).toContainEqual({
      month: "2021-03",
      force: "Leicestershire Police",
      total: march.length,
      unplaced: march.filter((r) => r["LSOA name"] === "").length,
      sampleData: true,
    });
  });

  it("pnpm national:import into the running system: a broken file is refused with nothing written, a newer edition replaces its quarters", async () => {
    const run = (file: string, ...options: string[]) =>
      runCommand("services/national/src/commands/import-cli.ts", ["--file", file, "--data-dir", t.dataDir, ...options]);
    const before = await t.query(COMPARISON, { category: "all-crime", year: "2020/21" });
    const lines = readFileSync(join(SAMPLES_DIR, CSV_EDITION), "utf8").split("\n");
    const broken = join(t.dataDir, "prc-csp-broken-010322.csv");
    writeFileSync(broken, [lines[0], lines[1], lines[2].replace(/,\d+$/, ",many")].join("\n"));
    const refused = await run(broken);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      'prc-csp-broken-010322.csv: sheet "CSV", row 3, column "Offence Count": must be a whole number, got "many"',
    );
    expect(await t.query(COMPARISON, { category: "all-crime", year: "2020/21" })).toEqual(before);

    // A newer edition of 2020/21 Q1 only: Charnwood's rows each one higher. Made up from the
    // sample, so named as a sample (a file with a real name would remove the samples first).
    const q1 = lines.filter((l) => l.startsWith("2020/21,1,"));
    const charnwoodQ1 = q1.filter((l) => l.includes(",Charnwood,")).length;
    const newer = join(t.dataDir, "sample-prc-csp-mar21-jun21-tables-010322.csv");
    writeFileSync(
      newer,
      [
        lines[0],
        ...q1.map((l) => (l.includes(",Charnwood,") ? l.replace(/,(\d+)$/, (_, n) => `,${Number(n) + 1}`) : l)),
      ].join("\n"),
    );
    const dry = await run(newer, "--dry-run");
    expect(dry.stdout).toContain("Dry run: nothing written.");
    expect(dry.stdout).toContain(
      `2020/21 Q1: replaces ${CSV_EDITION}: ${charnwoodQ1} counts changed, 0 added, 0 removed`,
    );
    expect(await t.query(COMPARISON, { category: "all-crime", year: "2020/21" })).toEqual(before);
    const imported = await run(newer);
    expect(imported.stdout).toContain(
      `2020/21 Q1: replaces ${CSV_EDITION}: ${charnwoodQ1} counts changed, 0 added, 0 removed`,
    );
    const after = await t.query(COMPARISON, { category: "all-crime", year: "2020/21" });
    const count = (r: any) => r.data.nationalComparison.rows.find((x: any) => x.csp.name === "Charnwood").count;
    expect(count(after)).toBe(count(before) + charnwoodQ1);
    expect(after.data.nationalComparison.sources).toEqual([
      { document: CSV_EDITION, locator: "CSV" },
      { document: "sample-prc-csp-mar21-jun21-tables-010322.csv", locator: "CSV" },
    ]);
    expect((await run(newer)).stdout).toContain("Nothing written.");
  }, 300_000); // four runs of the command, each its own Node process
});
