/** How numbers, dates and periods are written on the pages (British English). */
import type { Period } from "./generated/schema";

const whole = new Intl.NumberFormat("en-GB");
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** The months' names, January first. */
export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const formatCount = (n: number): string => whole.format(n);
export const formatRate = (n: number | null | undefined): string =>
  n === null || n === undefined ? "–" : twoDecimals.format(n);

export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined) return "–";
  return `${p > 0 ? "+" : ""}${oneDecimal.format(p)}%`;
}

export function formatSigned(n: number): string {
  return `${n > 0 ? "+" : ""}${whole.format(n)}`;
}

/** 2018-04-01 as "1 April 2018". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return `${day} ${monthNames[month - 1]} ${year}`;
}

export function formatDateTime(iso: string): string {
  return `${formatDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

/**
 * A period as the pages show it: the schema's Period, its basis and note where the query asks
 * for them; the basis as a plain string, as a period chosen on a page (PeriodChoice) carries it.
 */
export type PeriodLike = Pick<Period, "label" | "start" | "end"> & Partial<Pick<Period, "note">> & { basis?: string };

/** "1 April 2018 to 31 January 2019". */
export function periodDates(period: PeriodLike): string {
  return `${formatDate(period.start)} to ${formatDate(period.end)}`;
}

const basisWords: Record<string, string> = {
  FINANCIAL_YEAR: "financial year",
  YEAR_TO_DATE: "year to date",
  ROLLING_12_MONTHS: "rolling 12 months",
  PART_YEAR: "part year",
  PROJECTION: "projection",
  PLAN_PERIOD: "plan period",
};

export const basisText = (basis: string | undefined): string =>
  basis ? (basisWords[basis] ?? basis.toLowerCase()) : "";

const pounds = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** An amount in pence as "£75,500.00". */
export const formatMoney = (pence: number): string => pounds.format(pence / 100);
