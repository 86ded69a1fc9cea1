/**
 * The periods table both subgraph databases share: a figure's period is stored once and found
 * again by its label, dates and basis.
 */
import { type PeriodFields, periodKey } from "../rules/period";
import { and, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { periods } from "./tables";
import { freeId, slugOf } from "./local-id";

type AnyDatabase = BetterSQLite3Database<any>;
export type PeriodRow = typeof periods.$inferSelect;

/** The stored period with the same label, dates and basis, if any. */
export function findPeriod(tx: AnyDatabase, period: PeriodFields): PeriodRow | undefined {
  return tx
    .select()
    .from(periods)
    .where(
      and(
        eq(periods.label, period.label),
        eq(periods.start, period.start),
        eq(periods.end, period.end),
        eq(periods.basis, period.basis),
      ),
    )
    .get();
}

/** The id of the period with the same label, dates and basis, stored first if it is new. */
export function periodIdFor(tx: AnyDatabase, period: PeriodFields): string {
  const existing = findPeriod(tx, period);
  if (existing) return existing.id;
  const id = freeId(`${slugOf(period.label, 40)}-${period.start}-${period.end}`, (candidate) =>
    Boolean(tx.select({ id: periods.id }).from(periods).where(eq(periods.id, candidate)).get()),
  );
  tx.insert(periods)
    .values({ id, label: period.label, start: period.start, end: period.end, basis: period.basis, note: null })
    .run();
  return id;
}

/** A period as the audit trail records it. */
export function periodJson(row: PeriodRow): PeriodFields {
  return { label: row.label, start: row.start, end: row.end, basis: row.basis as PeriodFields["basis"] };
}

/** Finds and stores periods by label, dates and basis. */
export interface PeriodLookup {
  find(period: PeriodFields): { id: string } | undefined;
  idFor(period: PeriodFields): string;
}

/** Each period looked up with its own statement: for a handful of figures. */
export const periodsOneByOne = (tx: AnyDatabase): PeriodLookup => ({
  find: (period) => findPeriod(tx, period),
  idFor: (period) => periodIdFor(tx, period),
});

/**
 * The stored periods, read once for a whole table of figures: finding each figure's period
 * with its own statement scanned every period for every figure (periods x figures).
 */
export function periodsReadOnce(tx: AnyDatabase): PeriodLookup {
  const byKey = new Map(
    tx
      .select()
      .from(periods)
      .all()
      .map((row) => [periodKey(row as PeriodFields), row.id]),
  );
  return {
    find: (period) => {
      const id = byKey.get(periodKey(period));
      return id === undefined ? undefined : { id };
    },
    idFor: (period) => {
      let id = byKey.get(periodKey(period));
      if (id === undefined) byKey.set(periodKey(period), (id = periodIdFor(tx, period)));
      return id;
    },
  };
}
