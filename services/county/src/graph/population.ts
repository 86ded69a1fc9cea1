import type { PopulationRow } from "./loaders";
import type { Population } from "./types";

/**
 * The figure of the year nearest to the one asked for (the earlier on a tie, as it was
 * known at the time); the latest when no year is asked for.
 */
export function nearestPopulation(rows: PopulationRow[], year?: number | null): Population | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const chosen =
    year == null
      ? sorted[sorted.length - 1]
      : sorted.reduce((best, row) => (Math.abs(row.year - year) < Math.abs(best.year - year) ? row : best));
  return { year: chosen.year, count: chosen.population, source: chosen.source };
}

export function toPopulation(row: PopulationRow): Population {
  return { year: row.year, count: row.population, source: row.source };
}
