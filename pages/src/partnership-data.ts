/** A partnership as its page's query (queries/partnership.ts) reads it: the generated result type. */
import type {
  PartnershipQuery_partnership,
  PartnershipQuery_partnership_areas_crimeStatistics,
  PartnershipQuery_partnership_crimeStatistics,
} from "./generated/operations";

export type PartnershipData = PartnershipQuery_partnership;

/** One of the partnership's own published counts: partnership-wide or for a police beat. */
export type PartnershipStatistic =
  | PartnershipQuery_partnership_crimeStatistics
  | PartnershipQuery_partnership_areas_crimeStatistics;

/** True when the partnership's own subgraph serves nothing but its registry entry. */
export function publishedNothing(p: PartnershipData): boolean {
  return [p.plans, p.crimeStatistics, p.areas, p.targets, p.funding, p.partners, p.familyGroups, p.rateTables].every(
    (list) => !list || list.length === 0,
  );
}
