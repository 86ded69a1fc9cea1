/**
 * nationalFinancialYears and nationalPositions over a tmp database holding the repository's
 * SAMPLE files, executed against the national subgraph's own schema (no gateway). Expected
 * counts are summed from the rows the sample builder writes (sampleYearRows), independent of
 * the importer and of the comparison.
 */
import { graphql } from "graphql";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openNationalDatabase, sqliteOf } from "../src/db/database";
import { nationalContext } from "../src/graph/context";
import { importNationalFile } from "../src/import/import-file";
import { SAMPLE_AREAS, sampleYearRows } from "../src/samples/sample-content";
import { SAMPLE_FILES } from "../src/samples/sample-files";
import { buildNationalSubgraph } from "../src/subgraph";
import { freshDatabase, samplePath } from "./support";

const [XLSX, ODS, CSV] = SAMPLE_FILES;
const { schema } = await buildNationalSubgraph();

let db: ReturnType<typeof freshDatabase>;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());

const sqlite = () => sqliteOf(db.database);
const importSamples = async (...files: string[]) => {
  for (const file of files) await importNationalFile(sqlite(), samplePath(file), { dryRun: false });
};

async function run(source: string, context = nationalContext(sqlite())) {
  const result = await graphql({ schema, source, contextValue: context });
  expect(result.errors).toBeUndefined();
  return result.data as any;
}

const YEARS = `{ nationalFinancialYears { financialYear period { label start end basis } quartersHeld complete sampleData sources { document locator } } }`;

const positionsOf = (
  code: string,
  category: string,
) => `{ _entities(representations: [{ __typename: "CommunitySafetyPartnership", code: "${code}" }]) {
  ... on CommunitySafetyPartnership { nationalPositions(category: "${category}") {
    financialYear period { start end } category { id } mapped unmappedReason quartersHeld complete sampleData groupSize groupSizeByRate
    sources { document locator } populationSources { document }
    row { csp { name code } count complete quarters { quarter } ratePer1000 rank rankByRate forcePosition { policeForce rank of } }
  } }
} }`;

/** Each CSP's all-crime count of a year as the sample builder wrote it (edition 2 is the CSV's revision). */
function writtenCounts(financialYear: string, edition: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of sampleYearRows(financialYear, [1, 2, 3, 4], edition))
    counts.set(r[3] as string, (counts.get(r[3] as string) ?? 0) + (r[8] as number));
  const csps = SAMPLE_AREAS.filter(
    (a) => a.homeOfficeName !== "Unassigned Leicestershire" && a.homeOfficeName !== "Manchester Airport",
  ).map((a) => a.homeOfficeName);
  return new Map(csps.map((name) => [name, counts.get(name)!]));
}

const rankOf = (counts: Map<string, number>, name: string) =>
  1 + [...counts.values()].filter((c) => c > counts.get(name)!).length;

describe("nationalFinancialYears", () => {
  it("is empty before a Home Office table is imported", async () => {
    expect(await run(YEARS)).toEqual({ nationalFinancialYears: [] });
    expect((await run(positionsOf("charnwood", "all-crime")))._entities[0].nationalPositions).toEqual([]);
  });

  it("lists the six years of the samples, oldest first, each with its quarters, completeness and files", async () => {
    await importSamples(XLSX, ODS, CSV);
    const years = (await run(YEARS)).nationalFinancialYears;
    const year = (financialYear: string, document: string, locator: string, quartersHeld = [1, 2, 3, 4]) => ({
      financialYear,
      period: {
        label: financialYear,
        start: `${financialYear.slice(0, 4)}-04-01`,
        end: `${Number(financialYear.slice(0, 4)) + 1}-03-31`,
        basis: "FINANCIAL_YEAR",
      },
      quartersHeld,
      complete: quartersHeld.length === 4,
      sampleData: true,
      sources: [{ document, locator }],
    });
    expect(years).toEqual([
      year("2016/17", XLSX, "2016_17"),
      year("2017/18", XLSX, "2017_18"),
      year("2018/19", XLSX, "2018_19"),
      year("2019/20", ODS, "2019_20"),
      // The CSV, a newer edition, replaced the ODS's 2020/21 and 2021/22 Q1-Q2, and adds Q3.
      year("2020/21", CSV, "CSV"),
      year("2021/22", CSV, "CSV", [1, 2, 3]),
    ]);
  });

  it("sees a table imported by another connection on the next query (the cache follows the data)", async () => {
    const context = nationalContext(sqlite());
    expect((await run(YEARS, context)).nationalFinancialYears).toEqual([]);
    const other = openNationalDatabase(join(db.dir, "national.db"));
    try {
      await importNationalFile(sqliteOf(other), samplePath(XLSX), { dryRun: false });
    } finally {
      other.close();
    }
    expect(
      (await run(YEARS, context)).nationalFinancialYears.map((y: { financialYear: string }) => y.financialYear),
    ).toEqual(["2016/17", "2017/18", "2018/19"]);
  });
});

describe("CommunitySafetyPartnership.nationalPositions", () => {
  it("gives Charnwood's all-crime count, ranks and group sizes for every year held, as the sample rows sum", async () => {
    await importSamples(XLSX, ODS, CSV);
    const positions = (await run(positionsOf("charnwood", "all-crime")))._entities[0].nationalPositions;
    expect(positions.map((p: { financialYear: string }) => p.financialYear)).toEqual([
      "2016/17",
      "2017/18",
      "2018/19",
      "2019/20",
      "2020/21",
      "2021/22",
    ]);
    const editions: Record<string, number> = { "2016/17": 1, "2017/18": 1, "2018/19": 1, "2019/20": 1, "2020/21": 2 };
    const leicestershire = SAMPLE_AREAS.filter(
      (a) => a.force === "Leicestershire" && a.homeOfficeName !== "Unassigned Leicestershire",
    ).map((a) => a.homeOfficeName);
    for (const [financialYear, edition] of Object.entries(editions)) {
      const counts = writtenCounts(financialYear, edition);
      const inForce = new Map(leicestershire.map((name) => [name, counts.get(name)!]));
      const position = positions.find((p: { financialYear: string }) => p.financialYear === financialYear);
      expect(position).toMatchObject({
        category: { id: "all-crime" },
        mapped: true,
        unmappedReason: null,
        complete: true,
        sampleData: true,
        groupSize: 23,
        row: {
          csp: { name: "Charnwood", code: "E22000165" },
          count: counts.get("Charnwood"),
          complete: true,
          rank: rankOf(counts, "Charnwood"),
          forcePosition: { policeForce: "Leicestershire", rank: rankOf(inForce, "Charnwood"), of: 9 },
        },
      });
    }
    // Rates only where a population is held: mid-2020 for the nine Leicestershire CSPs (the
    // transcribed reference), none for the 14 others (no lookup held names their districts), no other year.
    const y2020 = positions[4];
    expect(y2020.row.count).toBe(4390);
    expect(y2020.row.ratePer1000).toBe((4390 / 187556) * 1000);
    expect(y2020.groupSizeByRate).toBe(9);
    expect(y2020.populationSources.length).toBeGreaterThan(0);
    expect(
      positions
        .filter((p: { groupSizeByRate: number }) => p.groupSizeByRate === 0)
        .map((p: { financialYear: string }) => p.financialYear),
    ).toEqual(["2016/17", "2017/18", "2018/19", "2019/20", "2021/22"]);
    // 2021/22 holds Q1-Q3 only: no year's count, nobody ranked.
    expect(positions[5]).toMatchObject({
      quartersHeld: [1, 2, 3],
      complete: false,
      groupSize: 0,
      sources: [{ document: CSV, locator: "CSV" }],
      row: {
        count: null,
        complete: false,
        quarters: [{ quarter: 1 }, { quarter: 2 }, { quarter: 3 }],
        rank: null,
        ratePer1000: null,
      },
    });
  });

  it("says why a category has no national figure in a year: residential burglary before April 2017", async () => {
    await importSamples(XLSX);
    const positions = (await run(positionsOf("charnwood", "burglary-residential")))._entities[0].nationalPositions;
    expect(positions[0]).toMatchObject({
      financialYear: "2016/17",
      mapped: false,
      row: null,
      groupSize: 0,
      sampleData: true,
      sources: [{ document: XLSX, locator: "2016_17" }],
    });
    expect(positions[0].unmappedReason).toMatch(
      /^burglary-residential maps to the Home Office's tables from 2017\/18 only/,
    );
    const counts = new Map<string, number>();
    for (const r of sampleYearRows("2017/18", [1, 2, 3, 4], 1))
      if (r[7] === "28E") counts.set(r[3] as string, (counts.get(r[3] as string) ?? 0) + (r[8] as number));
    expect(positions[1]).toMatchObject({
      financialYear: "2017/18",
      mapped: true,
      row: { count: counts.get("Charnwood") },
    });
  });

  it("refuses an unknown category", async () => {
    const result = await graphql({
      schema,
      source: positionsOf("charnwood", "jaywalking"),
      contextValue: nationalContext(sqlite()),
    });
    expect(result.errors?.[0].message).toBe('Unknown crime category "jaywalking"');
  });
});
