/**
 * The Home Office editions as published, on MADE-UP files in each edition's layout
 * (samples/editions/, built by `pnpm national:samples`): header variants, sheet names, negative
 * counts, footnotes, labels across editions, CSP names no lookup knows; then a real (not sample)
 * table into a fresh data folder, which removes every sample of its kind. Expected counts are
 * summed from the rows the builder writes (editionRows), independent of the importer.
 */
import { graphql } from "graphql";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openNationalDatabase, sqliteOf } from "../src/db/database";
import { openZip } from "../src/files/zip-entries";
import { nationalContext } from "../src/graph/context";
import { importNationalFile } from "../src/import/import-file";
import { ImportRefused } from "../src/import/problems";
import {
  CURRENT_HEADER,
  EDITIONS_DIR,
  EDITION_AREAS,
  EDITION_FILES,
  editionRows,
} from "../src/samples/edition-content";
import { ensureNationalSeeded } from "../src/seed";
import { buildNationalSubgraph } from "../src/subgraph";
import { freshDatabase, samplePath, snapshot } from "./support";

const { schema } = await buildNationalSubgraph();
const edition = (file: string) => samplePath(`${EDITIONS_DIR}/${file}`);

let db: ReturnType<typeof freshDatabase>;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => db.close());
const sqlite = () => sqliteOf(db.database);

/** Each area's count of a year (all quarters given), summed from the builder's rows. */
function written(year: string, quarters: number[], older: boolean): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of editionRows(year, quarters, older))
    sums.set(r[3] as string, (sums.get(r[3] as string) ?? 0) + (r[8] as number));
  return sums;
}

function heldByArea(year: string): Map<string, number> {
  const rows = sqlite()
    .prepare(
      "select a.name, sum(o.count) as n from offence_counts o join areas a on a.id = o.area_id where o.financial_year = ? group by a.name",
    )
    .all(year) as { name: string; n: number }[];
  return new Map(rows.map((r) => [r.name, r.n]));
}

describe("Home Office editions as published (MADE-UP files in their layouts)", () => {
  it("the current edition (XLSX; Force Name, Offence Count; sheets 2023_24): negatives summed, footnotes ignored, a merged CSP no lookup names kept and listed", async () => {
    const result = await importNationalFile(sqlite(), edition(EDITION_FILES.current));
    const negatives = [
      ...editionRows("2023/24", [1, 2, 3, 4], false),
      ...editionRows("2024/25", [1, 2, 3], false),
    ].filter((r) => (r[8] as number) < 0);
    expect(negatives.length).toBeGreaterThan(0);
    expect(result.summary).toContain(
      `  ${negatives.length} negative counts (net of crimes cancelled after an earlier quarter recorded them; ${negatives.reduce((s, r) => s + (r[8] as number), 0)} in all), kept and summed as published`,
    );
    expect(result.summary).toContain("  4 rows with no figure (footnotes, sources) ignored");
    expect(result.summary.find((l) => l.includes("Somerset East_Mendip"))).toMatch(
      /^ {4}Somerset East_Mendip \(Avon and Somerset\): first at .*sheet "2023_24", row \d+, column "CSP Name"; 84 rows$/,
    );
    expect(heldByArea("2023/24")).toEqual(written("2023/24", [1, 2, 3, 4], false));
    expect(heldByArea("2024/25")).toEqual(written("2024/25", [1, 2, 3], false));
    const kinds = sqlite()
      .prepare(
        "select name, kind, ons_code as code from areas where name in ('Somerset East_Mendip', 'Unassigned Leicestershire', 'Manchester Airport') order by name",
      )
      .all();
    expect(kinds).toEqual([
      { name: "Manchester Airport", kind: "NOT_A_CSP", code: null },
      { name: "Somerset East_Mendip", kind: "CSP", code: null },
      { name: "Unassigned Leicestershire", kind: "UNASSIGNED", code: null },
    ]);
  });

  it("an older edition (Number of Offences; sheets 2011-12; other labels) is held in the recent labels, so categories match across editions", async () => {
    const result = await importNationalFile(sqlite(), edition(EDITION_FILES.older));
    expect(result.summary[0]).toContain("2160 rows in 3 sheets (2011-12, 2012-13, 2013-14); no figures in Contents");
    expect(heldByArea("2012/13")).toEqual(written("2012/13", [1, 2, 3, 4], true));
    const labels = sqlite()
      .prepare("select distinct offence_group || ' / ' || offence_subgroup from offence_counts order by 1")
      .pluck()
      .all();
    expect(labels).toContain("Sexual offences / Rape offences"); // printed "Rape"
    expect(labels).toContain("Theft offences / Domestic burglary"); // printed "Theft Offences"
    expect(labels).toContain("Violence against the person / Stalking and harassment"); // printed "Stalking and Harassment"
    expect(labels.filter((l) => /Rape$|Theft Offences|Harassment$/.test(l as string))).toEqual([]);
  });

  it("recognises the table by CSP Name whatever the other columns are called (Police Force with Number of Offences), and the force-level table by its absence", async () => {
    const file = join(db.dir, "prc-csp-variant-010120.csv");
    writeFileSync(
      file,
      "Financial Year,Financial Quarter,Police Force,CSP Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Number of Offences\n2019/20,1,Leicestershire,Charnwood,Shoplifting,Theft offences,Shoplifting,46,-2\n2019/20,1,Leicestershire,Charnwood,Stalking,Violence Against The Person,Stalking and Harassment,8Q,12\n",
    );
    const result = await importNationalFile(sqlite(), file);
    expect(result.kind).toBe("HOME_OFFICE_CSP_TABLE");
    expect(heldByArea("2019/20")).toEqual(new Map([["Charnwood", 10]]));
    const force = join(db.dir, "prc-pfa-010120.csv");
    writeFileSync(
      force,
      "Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Offence Count\n",
    );
    await expect(importNationalFile(sqlite(), force)).rejects.toThrow(/force-level table \(no CSP Name column\)/);
    const missing = join(db.dir, "prc-csp-missing-010120.csv");
    writeFileSync(missing, "Financial Year,Force Name,CSP Name,Offence Code,Offence Count\n");
    await expect(importNationalFile(sqlite(), missing)).rejects.toThrow(
      /a Home Office table by CSP \(it has CSP Name\) without the columns Financial Quarter/,
    );
  });

  it("bounds what a hostile table can add: more new CSP names than any edition has refuses the file", async () => {
    const file = join(db.dir, "prc-csp-hostile-010120.csv");
    const rows = Array.from(
      { length: 2001 },
      (_, i) => `2019/20,1,Nowhere,Invented CSP ${i + 1},Shoplifting,Theft offences,Shoplifting,46,1`,
    );
    writeFileSync(file, [CURRENT_HEADER.join(","), ...rows].join("\n"));
    const before = snapshot(db.database);
    await expect(importNationalFile(sqlite(), file)).rejects.toThrow(
      'prc-csp-hostile-010120.csv: sheet "CSV", row 2002, column "CSP Name": "Invented CSP 2001" would be the CSP name number 2001 that no lookup names; England and Wales have about 300 CSPs, so this is not a table by CSP',
    );
    expect(snapshot(db.database)).toBe(before);
  });

  it("reads an XLSX whose workbook part comes after its sheets (as other writers store it)", async () => {
    const zip = await openZip(edition(EDITION_FILES.current), "an XLSX workbook");
    const names = zip.names();
    zip.close();
    expect(names.indexOf("xl/workbook.xml")).toBeGreaterThan(names.indexOf("xl/worksheets/sheet4.xml"));
    expect((await importNationalFile(sqlite(), edition(EDITION_FILES.current))).rows).toBe(1260);
  });

  it("says the disk is full when it is (SQLITE_FULL), and writes nothing", async () => {
    const before = snapshot(db.database);
    const pages = sqlite().pragma("page_count", { simple: true }) as number;
    sqlite().pragma(`max_page_count = ${pages + 2}`);
    const error = await importNationalFile(sqlite(), edition(EDITION_FILES.older)).catch((e: unknown) => e);
    sqlite().pragma("max_page_count = 1073741823");
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(
      /^sample-prc-csp-1112-1314-tables\.xlsx refused, nothing written:\n {2}the disk is full: the national database \(.*national\.db\) could not grow to hold this import; free some space and import it again \(SQLITE_FULL\)$/,
    );
    expect(sqlite().inTransaction).toBe(false);
    expect(snapshot(db.database)).toBe(before);
  });
});

describe("a data folder from before (a sample lookup with placeholder codes, sample estimates)", () => {
  it("a real lookup removes the sample's pairs and codes, a real estimates file the sample's populations: nothing of theirs is served", async () => {
    // What the first start used to import: a sample lookup (E22999..., E06999...) and its estimates.
    const area = sqlite()
      .prepare(
        "insert into areas (kind, name, ons_code, police_force, partnership, source_document, source_locator, ons_edition) values ('CSP', 'Coventry', 'E22999014', 'West Midlands', null, 'sample-LAD24_CSP24_PFA24_EW_LU.csv', 'CSV', 2024) returning id",
      )
      .pluck()
      .get() as number;
    sqlite()
      .prepare(
        "insert into districts values (2024, 'E06999014', 'Coventry', ?, 'sample-LAD24_CSP24_PFA24_EW_LU.csv', 'CSV')",
      )
      .run(area);
    sqlite()
      .prepare(
        "insert into district_populations values ('E06999014', 2019, 303000, 'sample-mid-2020-population-estimates.csv', 'MYE2 - Persons')",
      )
      .run();
    // The made-up lookup under the published file's name: imported as the real one would be.
    const realLookup = join(db.dir, "LAD24_CSP24_PFA24_EW_LU.csv");
    copyFileSync(edition(EDITION_FILES.lookup), realLookup);
    const lookup = await importNationalFile(sqlite(), realLookup);
    expect(lookup.summary).toContain("  Removed 1 SAMPLE lookup pairs (made-up figures never mix with published ones)");
    expect(
      sqlite()
        .prepare(
          "select ons_code as code, (select group_concat(lad_code) from districts where area_id = areas.id) as districts from areas where name = 'Coventry'",
        )
        .get(),
    ).toEqual({ code: "E22000336", districts: "E08000026" });
    const real = join(db.dir, "mye19.xlsx");
    copyFileSync(edition(EDITION_FILES.estimates), real);
    const estimates = await importNationalFile(sqlite(), real);
    expect(estimates.summary).toContain(
      "  Removed 1 SAMPLE population estimates (made-up figures never mix with published ones)",
    );
    expect(
      sqlite().prepare("select count(*) from district_populations where lad_code like 'E06999%'").pluck().get(),
    ).toBe(0);
  });
});

describe("a real Home Office table into a fresh data folder (first start's samples in)", () => {
  it("serves every CSP of its rows, Leicestershire's linked to their partnerships, negatives summed, and no sample row; a year not held is an error naming the years held", async () => {
    const dir = mkdtempSync(join(tmpdir(), "csg-national-fresh-"));
    const database = openNationalDatabase(join(dir, "national.db"));
    try {
      await ensureNationalSeeded(database);
      const fresh = sqliteOf(database);
      // First start invents no code: only the registry's nine CSPs have one.
      expect(fresh.prepare("select count(*) from areas where ons_code is not null").pluck().get()).toBe(9);
      expect(fresh.prepare("select count(*) from areas where ons_code like '%999%'").pluck().get()).toBe(0);
      // The made-up current edition under the real file's name: imported as real figures would be.
      const real = join(dir, "prc-csp-mar23-dec24-tables-240425.xlsx");
      copyFileSync(edition(EDITION_FILES.current), real);
      const samples = fresh.prepare("select count(*) from offence_counts").pluck().get();
      expect(samples).toBe(3600 + 1200 + 2100); // 300 a quarter: the XLSX's three years, the ODS's 2019/20, the CSV's 2020/21 and 2021/22 Q1-Q3
      const result = await importNationalFile(fresh, real);
      expect(result.summary).toContain(
        `  Removed ${samples} SAMPLE Home Office counts (made-up figures never mix with published ones)`,
      );
      const run = async (source: string) => graphql({ schema, source, contextValue: nationalContext(fresh) });
      const { data, errors } = await run(`{ nationalComparison(category: "all-crime", financialYear: "2023/24") {
        sampleData rows { csp { name code policeForce } partnership { code } count rateUnavailableReason } unassigned { csp { name kind } count } } }`);
      expect(errors).toBeUndefined();
      const comparison = data!.nationalComparison as any;
      const counts = written("2023/24", [1, 2, 3, 4], false);
      const csps = EDITION_AREAS.filter((a) => !["Unassigned Leicestershire", "Manchester Airport"].includes(a.name));
      expect(comparison.sampleData).toBe(false);
      expect(new Map(comparison.rows.map((r: any) => [r.csp.name, r.count]))).toEqual(
        new Map(csps.map((a) => [a.name, counts.get(a.name)])),
      );
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
      expect(comparison.rows.find((r: any) => r.csp.name === "Somerset East_Mendip")).toMatchObject({
        csp: { code: null, policeForce: "Avon and Somerset" },
        partnership: null,
      });
      expect(comparison.rows.find((r: any) => r.csp.name === "Coventry").rateUnavailableReason).toBe(
        "no districts of Coventry in an ONS district-to-CSP lookup held (import the lookup to give it a population)",
      );
      expect(comparison.unassigned.map((u: any) => [u.csp.name, u.csp.kind, u.count])).toEqual([
        ["Manchester Airport", "NOT_A_CSP", counts.get("Manchester Airport")],
        ["Unassigned Leicestershire", "UNASSIGNED", counts.get("Unassigned Leicestershire")],
      ]);
      // The sample's other CSPs (Luton, Birmingham ...) are gone with their counts.
      expect(fresh.prepare("select name from areas where name in ('Luton', 'Birmingham', 'Bolton')").all()).toEqual([]);
      const notHeld = await run(
        `{ nationalComparison(category: "all-crime", financialYear: "2020/21") { rows { count } } }`,
      );
      expect(notHeld.errors?.[0].message).toBe(
        "The Home Office tables held have no figures for 2020/21: the financial years held are 2023/24, 2024/25.",
      );
      expect(notHeld.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
