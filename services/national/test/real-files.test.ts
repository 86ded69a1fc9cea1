/**
 * The real published files in ../shared/reference/real (beside the repository's clone: CI has
 * them; a user's clone may not, and then these tests are skipped, saying why). They are read
 * where they are, never copied into the project. Expected figures were counted another way,
 * by short Python scripts over the raw files (csv.DictReader over the CSVs; zipfile and
 * ElementTree over the workbook's sheet XML), and written here as numbers.
 */
import { graphql } from "graphql";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cspPopulations } from "../src/comparison/csp-populations";
import { openNationalDatabase, sqliteOf } from "../src/db/database";
import { nationalContext } from "../src/graph/context";
import { importNationalFile } from "../src/import/import-file";
import { ensureNationalSeeded } from "../src/seed";
import { buildNationalSubgraph } from "../src/subgraph";
import { freshDatabase, snapshot } from "./support";

const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const REAL = join(repositoryRoot, "..", "shared/reference/real");
const present = existsSync(REAL);
const real = (prefix: string) => join(REAL, readdirSync(REAL).find((f) => f.startsWith(prefix))!);
const LOOKUP_2017 = "Local_Authority_District_to_Community_Safety_Partnerships";
const LEICESTERSHIRE = "2020-04-leicestershire-street.csv";
const LANCASHIRE = "2021-03-lancashire-street.csv";
const ESTIMATES = "mye22final.xlsx";

const { schema } = await buildNationalSubgraph();
let db: ReturnType<typeof freshDatabase>;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());
const sqlite = () => sqliteOf(db.database);
const importReal = (prefix: string) => importNationalFile(sqlite(), real(prefix));

/** police.uk rows held by CSP for a month and force. */
function monthByCsp(month: string, force: string): Map<string, number> {
  const rows = sqlite()
    .prepare(
      `select coalesce(a.name, '(' || m.district || ')') as name, sum(m.count) as n from monthly_counts m left join areas a on a.id = m.area_id
       where m.month = ? and m.force = ? group by 1`,
    )
    .all(month, force) as { name: string; n: number }[];
  return new Map(rows.map((r) => [r.name, r.n]));
}

describe.skipIf(!present)(
  `real published files in ../shared/reference/real${present ? "" : " (skipped: that folder is not beside this clone)"}`,
  () => {
    it("the ONS lookup (January 2017): W14 codes, every district and CSP, the nine partnerships tied; re-importing changes nothing", async () => {
      const result = await importReal(LOOKUP_2017);
      // python: 348 rows, 348 distinct LAD17CD, 314 distinct CSP17CD, 21 distinct W14 CSP codes.
      expect(result.summary[0]).toMatch(/\(2017 edition\): 348 rows, 348 districts, 314 CSPs$/);
      expect(
        sqlite().prepare("select count(*) from areas where kind = 'CSP' and ons_code like 'W14%'").pluck().get(),
      ).toBe(21);
      expect(sqlite().prepare("select count(distinct area_id) from districts where edition = 2017").pluck().get()).toBe(
        314,
      );
      expect(
        sqlite().prepare("select partnership from areas where partnership is not null order by 1").pluck().all(),
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
      const before = snapshot(db.database);
      expect((await importReal(LOOKUP_2017)).written).toBe(false);
      expect(snapshot(db.database)).toBe(before);
    });

    it("police.uk April 2020 Leicestershire after the lookup: every row counted, neighbouring districts in their own CSPs", async () => {
      await importReal(LOOKUP_2017);
      const result = await importReal(LEICESTERSHIRE);
      expect(result.rows).toBe(7809);
      expect(result.summary[1]).toBe(
        "  2020-04 Leicestershire Police: 7809 rows (330 with no location, counted as unplaced), new",
      );
      // python: rows by the district of `LSOA name`, mapped to CSP17NM through the lookup.
      expect(monthByCsp("2020-04", "Leicestershire Police")).toEqual(
        new Map([
          ["Blaby", 574],
          ["Charnwood", 1066],
          ["Harborough", 415],
          ["Hinckley and Bosworth", 604],
          ["Leicester", 3554],
          ["Melton", 237],
          ["North West Leicestershire", 594],
          ["Oadby and Wigston", 308],
          ["Rutland", 113],
          ["Daventry and South Northamptonshire", 1],
          ["Erewash", 4],
          ["Rugby", 1],
          ["South Nottinghamshire", 1],
          ["South Derbyshire", 2],
          ["South Kesteven", 3],
          ["Wandsworth", 1],
          ["City of York", 1],
          ["()", 330],
        ]),
      );
      const { data, errors } = await graphql({
        schema,
        source: `{ _entities(representations: [{ __typename: "CommunitySafetyPartnership", code: "charnwood" }]) { ... on CommunitySafetyPartnership { policeUkMonthly { month count sampleData } } } }`,
        contextValue: nationalContext(sqlite()),
      });
      expect(errors).toBeUndefined();
      const april = (data!._entities as any)[0].policeUkMonthly.filter((m: any) => m.month === "2020-04");
      expect(april.reduce((sum: number, m: any) => sum + m.count, 0)).toBe(1066);
      expect(april.every((m: any) => m.sampleData === false)).toBe(true);
    });

    it("police.uk March 2021 Lancashire, imported before the lookup: counted by district, then placed (Welsh districts too) once the lookup is in", async () => {
      const first = await importReal(LANCASHIRE);
      expect(first.rows).toBe(19725);
      expect(first.summary[1]).toMatch(/^ {2}\d+ districts in no CSP of the lookups held, counted by district/);
      await importReal(LOOKUP_2017);
      const held = monthByCsp("2021-03", "Lancashire Constabulary");
      // python: Preston 2506, Blackpool 2785, Rhondda Cynon Taf (in CSP Cwm Taf, W14) 2; no location 786; 19725 in all.
      expect([held.get("Preston"), held.get("Blackpool"), held.get("Cwm Taf"), held.get("()")]).toEqual([
        2506, 2785, 2, 786,
      ]);
      expect([...held.values()].reduce((a, b) => a + b, 0)).toBe(19725);
      expect(sqlite().prepare("select ons_code from areas where name = 'Cwm Taf'").pluck().get()).toMatch(/^W14/);
    });

    it("the mid-2022 estimates: Persons only, the year from the Persons sheet's title; Leicester 373,399 (not the Males sheet's 186,254)", async () => {
      const result = await importReal(ESTIMATES);
      // python over xl/worksheets (sheet of "MYE2 - Persons"): 404 rows with an ONS code and an All ages figure.
      expect(result.summary[0]).toBe(
        'ONS mid-2022 population estimates mye22final.xlsx: 404 areas from sheet "MYE2 - Persons" (Persons, All ages)',
      );
      const population = (code: string) =>
        sqlite()
          .prepare("select population from district_populations where lad_code = ? and year = 2022")
          .pluck()
          .get(code);
      expect([
        population("E06000016"),
        population("E07000129"),
        population("E07000130"),
        population("E06000017"),
      ]).toEqual([373_399, 104_182, 184_748, 41_151]);
      expect(
        sqlite()
          .prepare("select count(*) from district_populations where source_document = ? and year <> 2022")
          .pluck()
          .get(ESTIMATES),
      ).toBe(0);
      expect(
        sqlite()
          .prepare("select distinct source_locator from district_populations where source_document = ?")
          .pluck()
          .all(ESTIMATES),
      ).toEqual(["MYE2 - Persons, All ages (mid-2022)"]);
      await importReal(LOOKUP_2017);
      const leicester = sqlite()
        .prepare("select id from areas where partnership = 'leicester'")
        .pluck()
        .get() as number;
      expect(cspPopulations(sqlite(), 2022)(leicester, "Leicester")).toEqual({ population: 373_399 });
    });

    it("after the first start's samples, each real file removes the samples of its kind: no sample month is served", async () => {
      // A first start: an empty data folder, seeded as the service seeds it.
      const first = openNationalDatabase(join(db.dir, "first-start", "national.db"));
      try {
        await ensureNationalSeeded(first);
        const started = sqliteOf(first);
        expect(
          started
            .prepare(
              "select count(*) from monthly_counts m join documents d on d.id = m.document_id where d.sample = 1",
            )
            .pluck()
            .get(),
        ).toBeGreaterThan(0);
        await importNationalFile(started, real(LOOKUP_2017));
        const street = await importNationalFile(started, real(LEICESTERSHIRE));
        expect(street.summary.some((l) => /Removed \d+ SAMPLE police\.uk counts/.test(l))).toBe(true);
        await importNationalFile(started, real(ESTIMATES));
        const { data } = await graphql({
          schema,
          source: "{ policeUkMonths { month force total sampleData } }",
          contextValue: nationalContext(started),
        });
        expect(data!.policeUkMonths).toEqual([
          { month: "2020-04", force: "Leicestershire Police", total: 7809, sampleData: false },
        ]);
      } finally {
        first.close();
      }
    });
  },
);
