/**
 * Recording and correcting published crime figures, for every subgraph that publishes them:
 * new figures, corrections by public id, and a whole table applied at once (the spreadsheet
 * import: each figure new, a correction, or unchanged). Each write is one transaction with
 * its audit entry; one bad figure and nothing is written.
 */
import { statisticNumber } from "@csg/schema";
import { type Actor, shortened } from "@csg/service-runtime";
import { and, eq, inArray } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { type PeriodLookup, periodJson, periodsOneByOne, periodsReadOnce } from "../publishing/periods";
import { localIdOf } from "../publishing/local-id";
import { publish } from "../publishing/publish";
import { type CitedDocuments, citeDocuments, storeDocuments } from "../publishing/documents";
import { figureCorrections, periods } from "../publishing/tables";
import {
  checkFigureAgainstSource,
  checkFigureCorrection,
  checkFigures,
  type FigureCorrection,
  type FigureFields,
  secondFigureMessage,
} from "../rules/crime-statistic";
import type { Checker } from "../validation/checker";
import { type Placed, within } from "../validation/place";
import type { FigureRow } from "./columns";
import { type FigureStore, figurePublicId } from "./store";

type Database = BetterSQLite3Database<any>;

/** The stored figure with the same scope, category, period and source, if any. */
function storedFigure<Row extends FigureRow, Fields extends FigureFields>(
  tx: Database,
  store: FigureStore<Row, Fields>,
  figure: Fields,
  periods: PeriodLookup = periodsOneByOne(tx),
): Row | undefined {
  const period = periods.find(figure.period);
  if (!period) return undefined;
  const t = store.table;
  return tx
    .select()
    .from(t)
    .where(
      and(
        store.sameScope(figure),
        eq(t.categoryId, figure.category),
        eq(t.periodId, period.id),
        eq(t.sourceDocument, figure.source.document),
        eq(t.sourceLocator, figure.source.locator),
      ),
    )
    .get() as Row | undefined;
}

/** A figure as the audit trail records it. */
function figureJson<Row extends FigureRow>(tx: Database, store: FigureStore<Row, any>, row: Row) {
  const period = tx.select().from(periods).where(eq(periods.id, row.periodId)).get()!;
  return {
    id: figurePublicId(store.owner, row),
    ...store.scopeJson(row),
    category: row.categoryId,
    localLabel: row.localLabel,
    count: row.count,
    period: periodJson(period),
    source: { document: row.sourceDocument, locator: row.sourceLocator },
    notes: row.notes,
  };
}

function insertFigure<Row extends FigureRow, Fields extends FigureFields>(
  tx: Database,
  store: FigureStore<Row, Fields>,
  figure: Fields,
  periods: PeriodLookup = periodsOneByOne(tx),
): Row {
  return tx
    .insert(store.table)
    .values({
      ...store.scopeValues(figure),
      categoryId: figure.category,
      localLabel: figure.localLabel,
      count: figure.count,
      periodId: periods.idFor(figure.period),
      notes: figure.notes ?? [],
      sourceDocument: figure.source.document,
      sourceLocator: figure.source.locator,
    })
    .returning()
    .get() as Row;
}

/** The figures of `ids`, in that order (in chunks: SQLite binds at most 32,766 values to a statement). */
function reread<Row extends FigureRow>(tx: Database, store: FigureStore<Row, any>, ids: number[]): Row[] {
  const byId = new Map<number, Row>();
  for (let i = 0; i < ids.length; i += 10_000) {
    for (const row of tx
      .select()
      .from(store.table)
      .where(inArray(store.table.id, ids.slice(i, i + 10_000)))
      .all() as Row[])
      byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)!);
}

/**
 * The documents a table of figures cites (each known, or new with its title and publisher),
 * and no recorded figure whose period ends after its document was published.
 */
function citeFigureDocuments<Fields extends FigureFields>(
  db: Database,
  figures: Placed<Fields>[],
  check: Checker,
): CitedDocuments {
  const cited = citeDocuments(
    db,
    figures.map(({ value, place }) => ({ source: value.source, place: within(place, "source") })),
    check,
  );
  for (const { value, place } of figures)
    checkFigureAgainstSource(check, place, value, cited.byName.get(value.source?.document));
  return cited;
}

/** Keeps what a correction replaced: the history a figure serves as its corrections. */
function recordCorrection(
  tx: Database,
  figureId: number,
  previousCount: number,
  count: number,
  source: FigureCorrection["source"],
  note: string | null,
): void {
  tx.insert(figureCorrections)
    .values({
      figureId,
      previousCount,
      count,
      correctedAt: new Date().toISOString(),
      sourceDocument: source?.document ?? null,
      sourceLocator: source?.locator ?? null,
      note,
    })
    .run();
}

/** Records new figures, all or none. A figure already recorded (same scope, category, period and source) is a correction, not a record. */
export function recordFigures<Row extends FigureRow, Fields extends FigureFields>(
  db: Database,
  actor: Actor,
  store: FigureStore<Row, Fields>,
  operation: string,
  figures: Placed<Fields>[],
  check: Checker,
): Row[] {
  return publish(db, actor, operation, (tx) => {
    if (figures.length === 0) check.fail("", "name at least one figure");
    store.checkScope?.(tx, figures, check);
    checkFigures(check, figures);
    const cited = citeFigureDocuments(tx, figures, check);
    check.throwIfAny();
    for (const { value, place } of figures) {
      const stored = storedFigure(tx, store, value);
      if (stored) {
        const message = secondFigureMessage(value.category, value.period.label, value.source, store.scopeName?.(value));
        check.fail(
          place(""),
          `${message}: ${figurePublicId(store.owner, stored)} already has ${stored.count}; correct it with ${store.correction}`,
        );
      }
    }
    check.throwIfAny();
    storeDocuments(tx, cited);
    const rows = figures.map(({ value }) => insertFigure(tx, store, value));
    const after = rows.map((row) => figureJson(tx, store, row));
    return { changed: true, subject: after.map((f) => f.id).join(", "), before: null, after, result: rows };
  }).result;
}

/** Corrects recorded figures by public id (count, label as printed, notes), all or none; unchanged corrections write nothing. */
export function correctFigures<Row extends FigureRow>(
  db: Database,
  actor: Actor,
  store: FigureStore<Row, any>,
  operation: string,
  corrections: Placed<FigureCorrection>[],
  check: Checker,
): Row[] {
  return publish(db, actor, operation, (tx) => {
    if (corrections.length === 0) check.fail("", "name at least one correction");
    const seen = new Set<number>();
    const rows = corrections.map(({ value, place }) => {
      const local = localIdOf(store.owner, value.id, check, place("id"), "crime statistic");
      const id = local === undefined ? undefined : statisticNumber(local);
      const row =
        id === undefined
          ? undefined
          : (tx.select().from(store.table).where(eq(store.table.id, id)).get() as Row | undefined);
      if (local !== undefined && !row) check.fail(place("id"), `no crime statistic ${shortened(value.id)}`);
      if (row && seen.has(row.id)) check.fail(place("id"), `${shortened(value.id)} is corrected twice in one request`);
      if (row) seen.add(row.id);
      checkFigureCorrection(check, place, value);
      return row;
    });
    // A correction's source is checked as a figure's is: known or described, and published
    // no earlier than the end of the corrected figure's period.
    const withSource = corrections.flatMap((c, i) => (c.value.source ? [{ ...c, row: rows[i] }] : []));
    const cited = citeDocuments(
      tx,
      withSource.map(({ value, place }) => ({ source: value.source!, place: within(place, "source") })),
      check,
    );
    for (const { value, place, row } of withSource) {
      if (!row) continue;
      const period = tx.select().from(periods).where(eq(periods.id, row.periodId)).get()!;
      checkFigureAgainstSource(
        check,
        place,
        { category: row.categoryId, localLabel: row.localLabel, period: periodJson(period) },
        cited.byName.get(value.source!.document),
        "the correction's source",
      );
    }
    check.throwIfAny();
    storeDocuments(tx, cited);
    const before = rows.map((row) => figureJson(tx, store, row!));
    corrections.forEach(({ value }, i) => {
      const row = rows[i]!;
      if (value.count != null && value.count !== row.count)
        recordCorrection(tx, row.id, row.count, value.count, value.source, value.note ?? null);
      const changes = {
        ...(value.count != null && { count: value.count }),
        ...(value.localLabel != null && { localLabel: value.localLabel }),
        ...(value.notes !== undefined && { notes: value.notes ?? [] }),
      };
      // A correction naming only the figure changes nothing (and drizzle refuses an empty SET).
      if (Object.keys(changes).length > 0) tx.update(store.table).set(changes).where(eq(store.table.id, row.id)).run();
    });
    const result = reread(
      tx,
      store,
      rows.map((row) => row!.id),
    );
    const after = result.map((row) => figureJson(tx, store, row));
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: after.map((f) => f.id).join(", "),
      before,
      after,
      result,
    };
  }).result;
}

/** What applying a table of figures would do, figure by figure. */
export interface FiguresPlan<Row extends FigureRow, Fields extends FigureFields> {
  additions: Placed<Fields>[];
  corrections: { stored: Row; figure: Placed<Fields> }[];
  unchanged: { stored: Row; figure: Placed<Fields> }[];
  /** The documents the table cites: new ones are stored with it. */
  documents: CitedDocuments;
}

/** Compares a checked table of figures with what is stored: new, a correction (count or label), or unchanged. */
export function planFigures<Row extends FigureRow, Fields extends FigureFields>(
  db: Database,
  store: FigureStore<Row, Fields>,
  figures: Placed<Fields>[],
  check: Checker,
): FiguresPlan<Row, Fields> {
  checkFigures(check, figures);
  const documents = citeFigureDocuments(db, figures, check);
  check.throwIfAny();
  const plan: FiguresPlan<Row, Fields> = { additions: [], corrections: [], unchanged: [], documents };
  const periods = periodsReadOnce(db);
  for (const figure of figures) {
    const stored = storedFigure(db, store, figure.value, periods);
    if (!stored) plan.additions.push(figure);
    else if (stored.count === figure.value.count && stored.localLabel === figure.value.localLabel)
      plan.unchanged.push({ stored, figure });
    else plan.corrections.push({ stored, figure });
  }
  return plan;
}

/**
 * Applies a table of figures (the spreadsheet import): adds the new ones and corrects the
 * changed ones in one transaction with one audit entry. Applying the same table again changes
 * nothing and leaves no audit entry.
 */
export function applyFigures<Row extends FigureRow, Fields extends FigureFields>(
  db: Database,
  actor: Actor,
  store: FigureStore<Row, Fields>,
  operation: string,
  subject: string,
  figures: Placed<Fields>[],
  check: Checker,
): FiguresPlan<Row, Fields> {
  return publish(db, actor, operation, (tx) => {
    const plan = planFigures(tx, store, figures, check);
    const before = plan.corrections.map(({ stored }) => figureJson(tx, store, stored));
    const periods = periodsReadOnce(tx);
    storeDocuments(tx, plan.documents);
    const added = plan.additions.map(({ value }) => insertFigure(tx, store, value, periods));
    for (const { stored, figure } of plan.corrections) {
      if (stored.count !== figure.value.count)
        recordCorrection(tx, stored.id, stored.count, figure.value.count, null, `Imported from ${subject}`);
      tx.update(store.table)
        .set({ count: figure.value.count, localLabel: figure.value.localLabel })
        .where(eq(store.table.id, stored.id))
        .run();
    }
    const after = reread(tx, store, [...added.map((r) => r.id), ...plan.corrections.map((c) => c.stored.id)]).map(
      (row) => figureJson(tx, store, row),
    );
    return { changed: added.length + plan.corrections.length > 0, subject, before, after, result: plan };
  }).result;
}
