import type { PartnershipEntry } from "@csg/schema";
import type { PopulationRow } from "../db/schema";

/**
 * The year whose population a rate over a period uses: the year of the period's midpoint
 * (mid-year estimates are for 30 June, so 2017/18 uses 2017).
 */
export function populationYearFor(start: string, end: string): number {
  const midpoint = (Date.parse(`${start}T00:00:00Z`) + Date.parse(`${end}T00:00:00Z`)) / 2;
  return new Date(midpoint).getUTCFullYear();
}

/**
 * A partnership's population for `year`: each district's figure of the nearest year
 * available, summed. Null when a district has none, or when its districts' nearest years
 * differ (a sum across years would be no year's population).
 */
export function partnershipPopulation(
  partnership: PartnershipEntry,
  rowsByOnsCode: Map<string, PopulationRow[]>,
  year: number,
): PopulationFigure | null {
  const figures = partnership.districts.map((d) => nearestPopulation(rowsByOnsCode.get(d.onsCode) ?? [], year));
  if (figures.some((f) => f === null)) return null;
  const known = figures as PopulationFigure[];
  if (new Set(known.map((f) => f.year)).size > 1) return null;
  return {
    year: known[0].year,
    count: known.reduce((sum, f) => sum + f.count, 0),
    source: [...new Set(known.map((f) => f.source))].join("; "),
  };
}

/** Crimes per 1,000 residents, to two decimal places. */
export function ratePer1000(count: number, population: number): number {
  return Math.round((count / population) * 1000 * 100) / 100;
}

/** A population estimate: the year, the count, where it comes from (the shape GraphQL's Population serves). */
export interface PopulationFigure {
  year: number;
  count: number;
  source: string;
}

/**
 * The figure of the year nearest to the one asked for (the earlier on a tie, as it was
 * known at the time); the latest when no year is asked for.
 */
export function nearestPopulation(rows: PopulationRow[], year?: number | null): PopulationFigure | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const chosen =
    year == null
      ? sorted[sorted.length - 1]
      : sorted.reduce((best, row) => (Math.abs(row.year - year) < Math.abs(best.year - year) ? row : best));
  return { year: chosen.year, count: chosen.population, source: chosen.source };
}

export function toPopulation(row: PopulationRow): PopulationFigure {
  return { year: row.year, count: row.population, source: row.source };
}
