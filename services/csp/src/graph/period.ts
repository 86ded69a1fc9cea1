import type { Period, PeriodBasis } from "@csg/schema";
import type { PeriodRow } from "../db/schema";

export function toPeriod(row: PeriodRow): Period {
  return { label: row.label, start: row.start, end: row.end, basis: row.basis as PeriodBasis, note: row.note };
}
