import type { Period, PeriodBasis } from "@csg/schema";
import type { PeriodRow } from "./loaders";

export function toPeriod(row: PeriodRow): Period {
  return { label: row.label, start: row.start, end: row.end, basis: row.basis as PeriodBasis, note: row.note };
}

/** Two periods cover the same dates on the same basis: their figures measure the same span. */
export function sameSpan(a: PeriodRow, b: PeriodRow): boolean {
  return a.start === b.start && a.end === b.end && a.basis === b.basis;
}
