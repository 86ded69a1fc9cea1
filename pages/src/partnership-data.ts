/** The shape of a partnership as its page's query reads it. */
import type { PeriodLike } from "./format";
import type { SourceLike } from "./figure";
import type { Alignment, Statistic } from "./types";

export interface Money {
  pounds: string;
  pence: number;
}

export interface PartnershipPriority {
  id: string;
  ref: string | null;
  title: string;
  description: string | null;
  crossCutting: boolean;
  mandatory: boolean;
  theme: { id: string; title: string } | null;
  period: PeriodLike;
  source: SourceLike;
  focusAreas: { text: string; details: string[] }[];
  csaAlignment: (Alignment & { priority: { id: string; number: number; title: string } })[];
}

export interface PartnershipData {
  code: string;
  name: string;
  countyBoardMember: boolean;
  lastPublishedAt: string | null;
  districts: { name: string; onsCode: string; population: { year: number; count: number; source: string } | null }[];
  plans:
    | {
        id: string;
        title: string;
        current: boolean;
        period: PeriodLike;
        source: SourceLike;
        notes: string[];
        themes: { id: string; title: string }[];
        priorities: PartnershipPriority[];
      }[]
    | null;
  crimeStatistics:
    | (Statistic & { change: { previous: Statistic; difference: number; percent: number | null } | null })[]
    | null;
  areas:
    | {
        id: string;
        name: string;
        kind: string;
        localLabel: string;
        source: SourceLike;
        crimeStatistics: (Statistic & { change: { difference: number; percent: number | null } | null })[];
      }[]
    | null;
  targets:
    | {
        id: string;
        localLabel: string;
        direction: "REDUCTION" | "INCREASE";
        status: "MET" | "NOT_MET" | "NO_DATA";
        category: { id: string; name: string };
        baselinePeriod: PeriodLike;
        targetPeriod: PeriodLike;
        baseline: Statistic | null;
        outcome: Statistic | null;
        source: SourceLike;
      }[]
    | null;
  funding:
    | {
        id: string;
        funder: string;
        label: string;
        amount: Money;
        period: PeriodLike | null;
        source: SourceLike;
        allocations: { purpose: string; amount: Money; source: SourceLike }[];
        allocated: Money;
        unallocated: Money;
      }[]
    | null;
  partners: { name: string; source: SourceLike }[] | null;
  familyGroups:
    | {
        name: string;
        members: string[];
        membersSource: SourceLike;
        positions: {
          localLabel: string;
          position: number;
          groupSize: number;
          asAt: string;
          category: { name: string };
          source: SourceLike;
        }[];
      }[]
    | null;
  rateTables:
    | {
        id: string;
        title: string;
        measure: string;
        notes: string[];
        periods: PeriodLike[];
        source: SourceLike;
        rows: {
          name: string;
          self: boolean;
          average: boolean;
          values: { printed: string; value: number; rank: number | null; tied: boolean; period: PeriodLike }[];
        }[];
      }[]
    | null;
}

/** True when the partnership's own subgraph serves nothing but its registry entry. */
export function publishedNothing(p: PartnershipData): boolean {
  return [p.plans, p.crimeStatistics, p.areas, p.targets, p.funding, p.partners, p.familyGroups, p.rateTables].every(
    (list) => !list || list.length === 0,
  );
}
