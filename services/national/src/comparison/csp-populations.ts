import type Database from "better-sqlite3";

export type PopulationAnswer = { population: number } | { reason: string };

/**
 * A CSP's resident population for a mid-year: its districts' ONS estimates summed, the
 * districts read from the newest lookup edition that names the CSP. Where that edition lists
 * one of its districts under other CSPs too, the CSP covers part of the district and its
 * population cannot be read from the district's: it is unavailable, with that reason.
 */
export function cspPopulations(
  sqlite: Database.Database,
  year: number,
): (areaId: number, name: string) => PopulationAnswer {
  const edition = sqlite.prepare("select max(edition) from districts where area_id = ?").pluck();
  const districts = sqlite.prepare(
    `select d.lad_code as code, d.lad_name as name,
       (select count(*) from districts o where o.edition = d.edition and o.lad_code = d.lad_code) as csps,
       (select p.population from district_populations p where p.lad_code = d.lad_code and p.year = ?) as population
     from districts d where d.area_id = ? and d.edition = ? order by d.lad_name`,
  );
  return (areaId, name) => {
    const newest = edition.get(areaId) as number | null;
    if (newest === null)
      return {
        reason: `no districts of ${name} in an ONS district-to-CSP lookup held (import the lookup to give it a population)`,
      };
    const rows = districts.all(year, areaId, newest) as {
      code: string;
      name: string;
      csps: number;
      population: number | null;
    }[];
    const shared = rows.filter((r) => r.csps > 1);
    if (shared.length > 0) {
      return {
        reason: `${name} covers part of ${shared.map((r) => `${r.name} (${r.code})`).join(", ")}: the ${newest} ONS lookup lists ${shared.length === 1 ? "that district" : "those districts"} under several CSPs, so its population cannot be read from the districts' estimates`,
      };
    }
    const missing = rows.filter((r) => r.population === null);
    if (missing.length > 0)
      return { reason: `no ONS mid-${year} population estimate held for ${missing.map((r) => r.name).join(", ")}` };
    return { population: rows.reduce((sum, r) => sum + r.population!, 0) };
  };
}
