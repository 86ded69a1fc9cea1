import { PERIOD_BASES, type PeriodRecord } from "../records";
import type { Checker } from "../validation/checker";
import type { Place } from "../validation/place";

export type PeriodFields = Omit<PeriodRecord, "id" | "note">;

/** A period as printed: a label, real dates with the end not before the start, a known basis. */
export function checkPeriod(check: Checker, place: Place, period: PeriodFields): void {
  check.text(place("label"), period.label, { max: 200 });
  const start = check.date(place("start"), period.start);
  const end = check.date(place("end"), period.end);
  if (start && end && period.end < period.start)
    check.fail(place("end"), `the end ${period.end} precedes the start ${period.start}`);
  check.oneOf(place("basis"), period.basis, PERIOD_BASES, "period basis");
}

/** The identity of a period: the same label, dates and basis are the same period. */
export function periodKey(period: PeriodFields): string {
  return `${period.label}|${period.start}|${period.end}|${period.basis}`;
}
