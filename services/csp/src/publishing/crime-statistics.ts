/**
 * A partnership's crime statistics: record new figures, correct recorded ones, and apply a
 * whole table (the CSV import: each figure new, a correction, or unchanged). Each write is
 * one transaction with its audit entry; one bad figure and nothing is written.
 */
import {
  type Checker,
  checkFigureCorrection,
  checkFigures,
  type FigureCorrection,
  type FigureFields,
  type PartnershipEntry,
  type Placed,
  periodKey,
  secondFigureMessage,
} from "@csg/schema";
import { type Actor, findPeriod, localIdOf, periodIdFor, periodJson, publish } from "@csg/service-runtime";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";

export type StatisticRow = typeof t.crimeStatistics.$inferSelect;

/**
 * The stored periods, read once for a whole table of figures: finding each figure's period
 * with its own statement scanned every period for every figure (periods x figures).
 */
interface PeriodLookup {
  find(period: FigureFields["period"]): { id: string } | undefined;
  idFor(period: FigureFields["period"]): string;
}

function periodLookup(tx: CspDatabase): PeriodLookup {
  const byKey = new Map(tx.select().from(t.periods).all().map((row) => [periodKey(row as FigureFields["period"]), row.id]));
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

const oneByOne = (tx: CspDatabase): PeriodLookup => ({ find: (period) => findPeriod(tx, period), idFor: (period) => periodIdFor(tx, period) });

/** The stored partnership-wide figure with the same category, period and source, if any. */
function storedFigure(tx: CspDatabase, figure: FigureFields, periods: PeriodLookup = oneByOne(tx)): StatisticRow | undefined {
  const period = periods.find(figure.period);
  if (!period) return undefined;
  return tx
    .select()
    .from(t.crimeStatistics)
    .where(
      and(
        isNull(t.crimeStatistics.areaId),
        eq(t.crimeStatistics.categoryId, figure.category),
        eq(t.crimeStatistics.periodId, period.id),
        eq(t.crimeStatistics.sourceDocument, figure.source.document),
        eq(t.crimeStatistics.sourceLocator, figure.source.locator),
      ),
    )
    .get();
}

export const statisticPublicId = (code: string, row: { id: number }) => `${code}:statistic-${row.id}`;

/** A figure as the audit trail records it. */
function figureJson(tx: CspDatabase, code: string, row: StatisticRow) {
  const period = tx.select().from(t.periods).where(eq(t.periods.id, row.periodId)).get()!;
  return {
    id: statisticPublicId(code, row),
    category: row.categoryId,
    localLabel: row.localLabel,
    count: row.count,
    period: periodJson(period),
    source: { document: row.sourceDocument, locator: row.sourceLocator },
    notes: row.notes,
  };
}

function insertFigure(tx: CspDatabase, figure: FigureFields, periods: PeriodLookup = oneByOne(tx)): StatisticRow {
  return tx
    .insert(t.crimeStatistics)
    .values({
      areaId: null,
      categoryId: figure.category,
      localLabel: figure.localLabel,
      count: figure.count,
      periodId: periods.idFor(figure.period),
      notes: figure.notes ?? [],
      sourceDocument: figure.source.document,
      sourceLocator: figure.source.locator,
    })
    .returning()
    .get();
}

/** Rows by id, in the order of the ids (in chunks: SQLite binds at most 32,766 values to a statement). */
function reread(tx: CspDatabase, ids: number[]): StatisticRow[] {
  const byId = new Map<number, StatisticRow>();
  for (let i = 0; i < ids.length; i += 10_000) {
    for (const row of tx.select().from(t.crimeStatistics).where(inArray(t.crimeStatistics.id, ids.slice(i, i + 10_000))).all()) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)!);
}

/** Records new figures, all or none. A figure already recorded (same category, period and source) is a correction, not a record. */
export function recordStatistics(db: CspDatabase, actor: Actor, partnership: PartnershipEntry, figures: Placed<FigureFields>[], check: Checker): StatisticRow[] {
  return publish(db, actor, "recordCrimeStatistics", (tx) => {
    if (figures.length === 0) check.fail("", "name at least one figure");
    checkFigures(check, figures);
    check.throwIfAny();
    for (const { value, place } of figures) {
      const stored = storedFigure(tx, value);
      if (stored) {
        check.fail(
          place(""),
          `${secondFigureMessage(value.category, value.period.label, value.source)}: ${statisticPublicId(partnership.code, stored)} already has ${stored.count}; correct it with correctCrimeStatistics`,
        );
      }
    }
    check.throwIfAny();
    const rows = figures.map(({ value }) => insertFigure(tx, value));
    const after = rows.map((row) => figureJson(tx, partnership.code, row));
    return { changed: true, subject: after.map((f) => f.id).join(", "), before: null, after, result: rows };
  }).result;
}

/** Corrects recorded figures by id, all or none; unchanged corrections write nothing. */
export function correctStatistics(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  corrections: Placed<FigureCorrection>[],
  check: Checker,
): StatisticRow[] {
  return publish(db, actor, "correctCrimeStatistics", (tx) => {
    if (corrections.length === 0) check.fail("", "name at least one correction");
    const seen = new Set<number>();
    const rows = corrections.map(({ value, place }) => {
      const local = localIdOf(partnership.code, value.id, check, place("id"), "crime statistic");
      const id = local && /^statistic-\d+$/.test(local) ? Number(local.slice("statistic-".length)) : undefined;
      const row = id === undefined ? undefined : tx.select().from(t.crimeStatistics).where(eq(t.crimeStatistics.id, id)).get();
      if (local !== undefined && !row) check.fail(place("id"), `no crime statistic ${value.id}`);
      if (row && seen.has(row.id)) check.fail(place("id"), `${value.id} is corrected twice in one request`);
      if (row) seen.add(row.id);
      checkFigureCorrection(check, place, value);
      return row;
    });
    check.throwIfAny();
    const before = rows.map((row) => figureJson(tx, partnership.code, row!));
    corrections.forEach(({ value }, i) => {
      const changes = {
        ...(value.count != null && { count: value.count }),
        ...(value.localLabel != null && { localLabel: value.localLabel }),
        ...(value.notes !== undefined && { notes: value.notes ?? [] }),
      };
      // A correction naming only the figure changes nothing (and drizzle refuses an empty SET).
      if (Object.keys(changes).length > 0) tx.update(t.crimeStatistics).set(changes).where(eq(t.crimeStatistics.id, rows[i]!.id)).run();
    });
    const result = reread(tx, rows.map((row) => row!.id));
    const after = result.map((row) => figureJson(tx, partnership.code, row));
    return { changed: JSON.stringify(before) !== JSON.stringify(after), subject: after.map((f) => f.id).join(", "), before, after, result };
  }).result;
}

/** What applying a table of figures would do, figure by figure. */
export interface StatisticsPlan {
  additions: Placed<FigureFields>[];
  corrections: { stored: StatisticRow; figure: Placed<FigureFields> }[];
  unchanged: { stored: StatisticRow; figure: Placed<FigureFields> }[];
}

/** Compares a checked table of figures with what is stored: new, a correction (count or label), or unchanged. */
export function planStatistics(db: CspDatabase, figures: Placed<FigureFields>[], check: Checker): StatisticsPlan {
  checkFigures(check, figures);
  check.throwIfAny();
  const plan: StatisticsPlan = { additions: [], corrections: [], unchanged: [] };
  const periods = periodLookup(db);
  for (const figure of figures) {
    const stored = storedFigure(db, figure.value, periods);
    if (!stored) plan.additions.push(figure);
    else if (stored.count === figure.value.count && stored.localLabel === figure.value.localLabel) plan.unchanged.push({ stored, figure });
    else plan.corrections.push({ stored, figure });
  }
  return plan;
}

/**
 * Applies a table of figures (the CSV import): adds the new ones and corrects the changed
 * ones in one transaction with one audit entry. Applying the same table again changes
 * nothing and leaves no audit entry.
 */
export function applyStatistics(
  db: CspDatabase,
  actor: Actor,
  partnership: PartnershipEntry,
  operation: string,
  subject: string,
  figures: Placed<FigureFields>[],
  check: Checker,
): StatisticsPlan {
  return publish(db, actor, operation, (tx) => {
    const plan = planStatistics(tx, figures, check);
    const before = plan.corrections.map(({ stored }) => figureJson(tx, partnership.code, stored));
    const periods = periodLookup(tx);
    const added = plan.additions.map(({ value }) => insertFigure(tx, value, periods));
    for (const { stored, figure } of plan.corrections) {
      tx.update(t.crimeStatistics).set({ count: figure.value.count, localLabel: figure.value.localLabel }).where(eq(t.crimeStatistics.id, stored.id)).run();
    }
    const after = reread(tx, [...added.map((r) => r.id), ...plan.corrections.map((c) => c.stored.id)]).map((row) => figureJson(tx, partnership.code, row));
    return { changed: added.length + plan.corrections.length > 0, subject, before, after, result: plan };
  }).result;
}
