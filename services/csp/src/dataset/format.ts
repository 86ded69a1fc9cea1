/**
 * The layout of a partnership's dataset file (services/csp/datasets/<code>.json): what a
 * partnership has published, transcribed from its documents. Every item carries its
 * source. Ids are local to the dataset, lower-case kebab-case, stable (they become part of
 * public ids, so never renumber).
 */

export { PERIOD_BASES, type PeriodBasisName, type PeriodRecord, type SourceRecord } from "@csg/domain";
import type { PeriodRecord, SourceRecord } from "@csg/domain";
import type { TargetDirection } from "@csg/schema";

export interface ThemeRecord {
  id: string;
  title: string;
  description?: string;
  source: SourceRecord;
}

export interface FocusAreaRecord {
  text: string;
  details?: string[];
}

export interface PriorityRecord {
  id: string;
  /** The local reference as printed: "Priority 1", "a", "1". */
  ref?: string;
  title: string;
  description?: string;
  /** Theme id within the same plan. */
  theme?: string;
  crossCutting?: boolean;
  /** A priority the law requires of every CSP (e.g. reducing reoffending). */
  mandatory?: boolean;
  focusAreas?: FocusAreaRecord[];
  notes?: string[];
  /** CSA priority ids the partnership itself declared. Absent: not declared (suggestions apply). */
  declaredAlignment?: string[];
  source: SourceRecord;
}

/** A published set of priorities for one period (a plan, a refresh, a year's aims). */
export interface PlanRecord {
  id: string;
  title: string;
  period: string;
  source: SourceRecord;
  notes?: string[];
  themes: ThemeRecord[];
  priorities: PriorityRecord[];
}

export interface CrimeStatisticRecord {
  category: string;
  /** The measure's label exactly as printed in the table. */
  localLabel: string;
  count: number;
  period: string;
  source: SourceRecord;
  /** Other tables that print the same count for the same measure and period. */
  alsoPublishedIn?: SourceRecord[];
  notes?: string[];
}

/** An area within the partnership (a police beat) with its own figures. */
export interface AreaRecord {
  id: string;
  name: string;
  kind: "POLICE_BEAT";
  /** The row label exactly as printed. */
  localLabel: string;
  source: SourceRecord;
  crimeStatistics: CrimeStatisticRecord[];
}

export interface TargetRecord {
  id: string;
  category: string;
  localLabel: string;
  direction: `${TargetDirection}`;
  baselinePeriod: string;
  targetPeriod: string;
  source: SourceRecord;
}

export interface FundingAllocationRecord {
  purpose: string;
  amountPence: number;
}

export interface FundingRecord {
  id: string;
  funder: string;
  /** The line as printed, e.g. "Police and Crime Commissioner Locality Funding". */
  label: string;
  amountPence: number;
  period?: string;
  source: SourceRecord;
  allocations: FundingAllocationRecord[];
}

export interface PartnerRecord {
  name: string;
  source: SourceRecord;
}

/** Positions in a comparison group (Most Similar Family Group), as published. */
export interface FamilyGroupRecord {
  name: string;
  /** Members as printed, the partnership itself included. */
  members: string[];
  membersSource: SourceRecord;
  positions: { category: string; localLabel: string; position: number; groupSize: number; asAt: string }[];
  positionsSource: SourceRecord;
}

/** A published table of rates (not counts), e.g. crimes per 1,000 population by CSP. */
export interface RateTableRecord {
  id: string;
  title: string;
  /** What one value measures, as printed: "Crimes / 1000 Pop". */
  measure: string;
  category: string;
  periods: string[];
  source: SourceRecord;
  /** Where the publisher's own words about the table disagree with it, or other caveats. */
  notes?: string[];
  rows: {
    name: string;
    /** The row is this partnership. */
    self?: boolean;
    /** The row is the group's average, not a member. */
    average?: boolean;
    /** One decimal string per period, exactly as printed. */
    values: string[];
  }[];
}

export interface CspDataset {
  partnership: string;
  periods: PeriodRecord[];
  plans: PlanRecord[];
  crimeStatistics: CrimeStatisticRecord[];
  areas: AreaRecord[];
  targets: TargetRecord[];
  funding: FundingRecord[];
  partners: PartnerRecord[];
  familyGroups: FamilyGroupRecord[];
  rateTables: RateTableRecord[];
}
