/** Record shapes shared by the services' datasets and inputs. */

/** Where a figure or item was published: document file name plus table, figure or heading. */
export interface SourceRecord {
  document: string;
  locator: string;
}

export const PERIOD_BASES = [
  "FINANCIAL_YEAR",
  "YEAR_TO_DATE",
  "ROLLING_12_MONTHS",
  "PART_YEAR",
  "PROJECTION",
  "PLAN_PERIOD",
] as const;
export type PeriodBasisName = (typeof PERIOD_BASES)[number];

/** A period as one table printed it: its label as printed, explicit ISO dates, its basis. */
export interface PeriodRecord {
  id: string;
  label: string;
  start: string;
  end: string;
  basis: PeriodBasisName;
  note?: string;
}
