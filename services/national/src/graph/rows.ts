/** A compared area as the API serves it, and what makes a year's comparison complete. */
import type { ComparedArea, Comparison } from "../comparison/national-comparison";
import { homeOfficeNameOf } from "../reference/home-office-names";
import { quarterPeriod } from "./periods";
import type { NationalComparisonRow } from "./types";

export function rowOf(comparison: Comparison, area: ComparedArea): NationalComparisonRow {
  return {
    csp: {
      name: area.name,
      code: area.onsCode,
      policeForce: area.policeForce,
      homeOfficeName: homeOfficeNameOf(area.name),
      kind: area.kind,
    },
    count: area.count,
    complete: area.quarters.length === 4,
    quarters: area.quarters.map((q) => ({ ...q, period: quarterPeriod(comparison.financialYear, q.quarter) })),
    population: area.population,
    populationYear: area.populationYear,
    ratePer1000: area.ratePer1000,
    rateUnavailableReason: area.rateUnavailableReason,
    rank: area.rank,
    rankByRate: area.rankByRate,
    forcePosition: area.force ? { policeForce: area.policeForce, ...area.force } : null,
    partnershipCode: area.partnership,
  };
}

/** Every quarter of the year is held for every area (CSPs and Unassigned rows alike): counts are whole years. */
export function comparisonComplete(comparison: Comparison): boolean {
  return (
    comparison.quartersHeld.length === 4 &&
    [...comparison.rows, ...comparison.unassigned].every((r) => r.quarters.length === 4)
  );
}
