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

/**
 * `earlier` is the period a year before `later` on the same basis: the year-on-year
 * comparison the partnerships' performance framework uses (FY 2018 before FY 2019; 1 April
 * to 31 January 2017/18 before the same months of 2018/19). Projections compare with nothing.
 */
export function precedesByOneYear(earlier: PeriodSpan, later: PeriodSpan): boolean {
  if (earlier.basis !== later.basis || earlier.basis === "PROJECTION") return false;
  return yearLater(earlier.start) === later.start && yearLater(earlier.end) === later.end;
}
