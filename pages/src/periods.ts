/**
 * The periods that exist in the data for a category, and which figures may share a trend
 * line: only periods of one kind (same basis, same months), never a projection with a
 * record, never two tables' figures on one line.
 */
import { type PeriodLike, monthNames } from "./format";

export interface PeriodChoice {
  key: string;
  label: string;
  start: string;
  end: string;
  basis: string;
  partnerships: number;
}

export const periodKey = (p: { start: string; end: string }): string => `${p.start}/${p.end}`;

/** Recorded (not projected) periods of a category's figures, latest first, each once. */
export function recordedPeriods(
  statistics: { partnership: string; statistic: { period: PeriodLike } }[],
): PeriodChoice[] {
  const byKey = new Map<string, { period: PeriodLike; labels: Map<string, number>; partnerships: Set<string> }>();
  for (const { partnership, statistic } of statistics) {
    if (statistic.period.basis === "PROJECTION") continue;
    const key = periodKey(statistic.period);
    const entry = byKey.get(key) ?? { period: statistic.period, labels: new Map(), partnerships: new Set() };
    entry.labels.set(statistic.period.label, (entry.labels.get(statistic.period.label) ?? 0) + 1);
    entry.partnerships.add(partnership);
    byKey.set(key, entry);
  }
  return [...byKey.entries()]
    .map(([key, e]) => ({
      key,
      label: [...e.labels.entries()].sort((a, b) => b[1] - a[1])[0][0],
      start: e.period.start,
      end: e.period.end,
      basis: e.period.basis ?? "",
      partnerships: e.partnerships.size,
    }))
    .sort((a, b) => b.end.localeCompare(a.end) || b.start.localeCompare(a.start));
}

const monthDay = (iso: string): string => iso.slice(5, 10);

/** A whole financial year: 1 April to 31 March, published as such (not a year to date). */
export function isCompleteFinancialYear(period: { start: string; end: string; basis?: string }): boolean {
  return (
    period.basis === "FINANCIAL_YEAR" &&
    monthDay(period.start) === "04-01" &&
    monthDay(period.end) === "03-31" &&
    Number(period.end.slice(0, 4)) === Number(period.start.slice(0, 4)) + 1
  );
}

/**
 * The period a county view opens on: the latest complete financial year that all `members`
 * published; else the latest financial year most of them published; else the period most
 * published (latest first). Never a projection (`periods` holds recorded ones only).
 */
export function openingPeriod(periods: PeriodChoice[], members: number): PeriodChoice | undefined {
  const years = periods.filter(isCompleteFinancialYear);
  const latestFirst = (a: PeriodChoice, b: PeriodChoice) => b.end.localeCompare(a.end);
  const mostFirst = (a: PeriodChoice, b: PeriodChoice) => b.partnerships - a.partnerships || latestFirst(a, b);
  return (
    years.filter((p) => p.partnerships >= members).sort(latestFirst)[0] ??
    [...years].sort(mostFirst)[0] ??
    [...periods].sort(mostFirst)[0]
  );
}

/** Figures that may be joined by one line share this key (kind of period, months covered). */
export function seriesKind(period: PeriodLike): string {
  return `${period.basis}:${monthDay(period.start)}:${monthDay(period.end)}`;
}

export function seriesKindText(period: PeriodLike): string {
  const from = monthNames[Number(period.start.slice(5, 7)) - 1];
  const to = monthNames[Number(period.end.slice(5, 7)) - 1];
  switch (period.basis) {
    case "FINANCIAL_YEAR":
      return "Financial years (April to March)";
    case "ROLLING_12_MONTHS":
      return `Rolling 12 months (${from} to ${to})`;
    case "YEAR_TO_DATE":
      return `Year to date (${from} to ${to})`;
    case "PROJECTION":
      return `Projections (${from} to ${to}), not records`;
    default:
      return `${period.basis?.toLowerCase().replace(/_/g, " ")} (${from} to ${to})`;
  }
}

const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A period named by its dates, for an axis shared by several tables whose printed labels
 * differ ("2018/19", "Total Crime as at 31st January 2019"); each figure keeps its own label.
 */
export function axisLabel(period: PeriodLike): string {
  const [startYear, startMonth] = period.start.split("-").map(Number);
  const [endYear, endMonth] = period.end.split("-").map(Number);
  if (period.basis === "FINANCIAL_YEAR") return `${startYear}/${String(endYear % 100).padStart(2, "0")}`;
  return `${shortMonths[startMonth - 1]} ${startYear} – ${shortMonths[endMonth - 1]} ${endYear}`;
}
