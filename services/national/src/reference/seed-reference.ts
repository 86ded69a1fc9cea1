import { parseCsv } from "@csg/service-runtime";
import type Database from "better-sqlite3";
import { readFileSync } from "node:fs";

const dataset = (name: string) => new URL(`../../dataset/${name}`, import.meta.url);

function csvRecords(name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(dataset(name), "utf8"));
  return rows.map((r) => Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i] ?? ""])));
}

/**
 * The reference facts the national figures need before any file is imported, transcribed into
 * dataset/: the federation's nine CSPs with their ONS codes, Home Office names and force
 * (csp-codes.csv, from the ONS lookup), and their districts' populations (district-populations.csv).
 * Written once, into an empty database, in the caller's transaction.
 */
export function seedReference(sqlite: Database.Database): void {
  const insertArea = sqlite.prepare(
    "insert into areas (kind, name, ons_code, police_force, partnership, source_document, source_locator, ons_edition) values ('CSP', ?, ?, ?, ?, 'csp-codes.csv', ?, 2024) returning id",
  );
  // csp-codes.csv is transcribed from the December 2024 lookup: its pairs are that edition's.
  const insertDistrict = sqlite.prepare(
    "insert into districts (edition, lad_code, lad_name, area_id, source_document, source_locator) values (2024, ?, ?, ?, 'csp-codes.csv', ?)",
  );
  for (const r of csvRecords("csp-codes.csv")) {
    const { id } = insertArea.get(r.home_office_csp_name, r.csp_code, r.police_force_area, r.partnership, r.source) as {
      id: number;
    };
    insertDistrict.run(r.lad_code, r.district, id, r.source);
  }
  const insertPopulation = sqlite.prepare(
    "insert into district_populations (lad_code, year, population, source_document, source_locator) values (?, ?, ?, 'district-populations.csv', ?)",
  );
  for (const r of csvRecords("district-populations.csv"))
    insertPopulation.run(r.ons_code, Number(r.year), Number(r.population), r.source);
}
