import type Database from "better-sqlite3";

/** One financial year of the Home Office tables held. */
export interface HeldFinancialYear {
  financialYear: string;
  /** Quarters held for any area, in order. */
  quartersHeld: number[];
  /** All four quarters are held for every area the year has: its counts are whole years. */
  complete: boolean;
  /** The files and sheets the year's quarters come from. */
  sources: { document: string; locator: string; sample: boolean }[];
}

/**
 * The financial years the Home Office tables hold, oldest first. Read from the per-subgroup
 * totals (a few hundred thousand rows at full national size, with a covering index), not the
 * million offence rows, so listing years stays cheap.
 */
export function heldFinancialYears(sqlite: Database.Database): HeldFinancialYear[] {
  const quarters = sqlite
    .prepare(
      `select financial_year as financialYear, quarter, count(*) as areas
       from (select distinct financial_year, quarter, area_id from subgroup_totals)
       group by financial_year, quarter order by financial_year, quarter`,
    )
    .all() as { financialYear: string; quarter: number; areas: number }[];
  const areas = new Map(
    (
      sqlite
        .prepare(
          `select financial_year as financialYear, count(distinct area_id) as areas from subgroup_totals group by financial_year`,
        )
        .all() as {
        financialYear: string;
        areas: number;
      }[]
    ).map((y) => [y.financialYear, y.areas]),
  );
  const sources = sqlite
    .prepare(
      `select o.financial_year as financialYear, d.file_name as document, o.sheet as locator, d.sample
       from (select distinct financial_year, document_id, sheet from quarter_sources) o join documents d on d.id = o.document_id
       order by o.financial_year, d.id, o.sheet`,
    )
    .all() as { financialYear: string; document: string; locator: string; sample: number }[];
  const years = new Map<string, HeldFinancialYear>();
  for (const q of quarters) {
    let year = years.get(q.financialYear);
    if (!year)
      years.set(
        q.financialYear,
        (year = { financialYear: q.financialYear, quartersHeld: [], complete: true, sources: [] }),
      );
    year.quartersHeld.push(q.quarter);
    // An area missing from any quarter leaves that quarter with fewer areas than the year has.
    if (q.areas !== areas.get(q.financialYear)) year.complete = false;
  }
  for (const year of years.values()) if (year.quartersHeld.length !== 4) year.complete = false;
  for (const s of sources)
    years.get(s.financialYear)?.sources.push({ document: s.document, locator: s.locator, sample: s.sample === 1 });
  return [...years.values()];
}
