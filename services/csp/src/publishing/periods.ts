import { and, eq } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import type { PeriodFields } from "../rules/period";
import { freeId, slugOf } from "./local-id";

export type PeriodRow = typeof t.periods.$inferSelect;

/** The stored period with the same label, dates and basis, if any. */
export function findPeriod(tx: CspDatabase, period: PeriodFields): PeriodRow | undefined {
  return tx
    .select()
    .from(t.periods)
    .where(and(eq(t.periods.label, period.label), eq(t.periods.start, period.start), eq(t.periods.end, period.end), eq(t.periods.basis, period.basis)))
    .get();
}

/** The id of the period with the same label, dates and basis, stored first if it is new. */
export function periodIdFor(tx: CspDatabase, period: PeriodFields): string {
  const existing = findPeriod(tx, period);
  if (existing) return existing.id;
  const id = freeId(`${slugOf(period.label, 40)}-${period.start}-${period.end}`, (candidate) =>
    Boolean(tx.select({ id: t.periods.id }).from(t.periods).where(eq(t.periods.id, candidate)).get()),
  );
  tx.insert(t.periods).values({ id, label: period.label, start: period.start, end: period.end, basis: period.basis, note: null }).run();
  return id;
}

/** A period as the audit trail records it. */
export function periodJson(row: PeriodRow): PeriodFields {
  return { label: row.label, start: row.start, end: row.end, basis: row.basis as PeriodFields["basis"] };
}
