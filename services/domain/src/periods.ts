/** The span of a period: explicit dates and basis (see Period). */
export interface PeriodSpan {
  start: string;
  end: string;
  basis: string;
}

/** The same day a year later (29 February: 1 March of the next year). */
export function yearLater(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/** Every date whose yearLater is `isoDate`: one, or two where 1 March follows a 29 February. */
export function datesAYearBefore(isoDate: string): string[] {
  const [year, monthDay] = [Number(isoDate.slice(0, 4)), isoDate.slice(4)];
  const candidates = [`${String(year - 1).padStart(4, "0")}${monthDay}`, `${String(year - 1).padStart(4, "0")}-02-29`];
  return [...new Set(candidates)].filter((date) => !Number.isNaN(Date.parse(date)) && yearLater(date) === isoDate);
}

/** The spans whose figures are the year before a figure of `span` (see yearOnYearIndex). */
export function spansAYearBefore(span: { start: string; end: string }): { start: string; end: string }[] {
  return datesAYearBefore(span.start).flatMap((start) => datesAYearBefore(span.end).map((end) => ({ start, end })));
}

/**
 * `earlier` is the period a year before `later` on the same basis: the year-on-year
 * comparison the partnerships' performance framework uses (FY 2018 before FY 2019; 1 April
 * to 31 January 2017/18 before the same months of 2018/19). Projections compare with nothing.
 */
export function precedesByOneYear(earlier: PeriodSpan, later: PeriodSpan): boolean {
  if (earlier.basis !== later.basis || earlier.basis === "PROJECTION") return false;
  return yearLater(earlier.start) === later.start && yearLater(earlier.end) === later.end;
}
