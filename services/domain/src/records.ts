import { PeriodBasis } from "@csg/schema";

/** Record shapes shared by the services' datasets and inputs. */

/** Where a figure or item was published: document file name plus table, figure or heading. */
export interface SourceRecord {
  document: string;
  locator: string;
  /** The document's title, publisher and date: given for a document cited for the first time. */
  title?: string | null;
  publisher?: string | null;
  published?: string | null;
}

/** The bases a period can have: the GraphQL enum PeriodBasis is their one definition. */
export const PERIOD_BASES: readonly PeriodBasisName[] = Object.values(PeriodBasis);
export type PeriodBasisName = `${PeriodBasis}`;

/** A period as one table printed it: its label as printed, explicit ISO dates, its basis. */
export interface PeriodRecord {
  id: string;
  label: string;
  start: string;
  end: string;
  basis: PeriodBasisName;
  note?: string;
}
