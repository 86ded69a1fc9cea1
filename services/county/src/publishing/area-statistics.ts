/**
 * Figures the county publishes for areas larger than one partnership (Leicestershire as a
 * whole, the police force area): record new ones and correct recorded ones, many at once, by
 * the same rules as a partnership's own figures. One bad figure and nothing is written.
 */

import { type Actor } from "@csg/service-runtime";
import { and, eq, inArray } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import { type Checker, checkFigureCorrection, checkFigures, type FigureCorrection, type FigureFields, type Placed, secondFigureMessage, findPeriod, localIdOf, periodIdFor, periodJson, publish } from "@csg/domain";
import type { AreaStatisticRow } from "../db/schema";

/** A figure for one of the county's published areas. */
export interface AreaFigureFields extends FigureFields {
  /** The area as served by `County.publishedAreas`, e.g. Leicestershire. */
  area: string;
  /** The table's row label as printed (e.g. Force); the area's name when absent. */
  rowLabel?: string | null;
}

export const areaStatisticPublicId = (row: { id: number }) => `county:statistic-${row.id}`;

/** The areas the county publishes figures for: those it holds figures of. */
function publishedAreaNames(tx: CountyDatabase): string[] {
  return tx.selectDistinct({ area: t.areaStatistics.area }).from(t.areaStatistics).orderBy(t.areaStatistics.area).all().map((r) => r.area);
}

function storedFigure(tx: CountyDatabase, figure: AreaFigureFields): AreaStatisticRow | undefined {
  const period = findPeriod(tx, figure.period);
  if (!period) return undefined;
  return tx
    .select()
    .from(t.areaStatistics)
    .where(
      and(
        eq(t.areaStatistics.area, figure.area),
        eq(t.areaStatistics.categoryId, figure.category),
        eq(t.areaStatistics.periodId, period.id),
        eq(t.areaStatistics.sourceDocument, figure.source.document),
        eq(t.areaStatistics.sourceLocator, figure.source.locator),
      ),
    )
    .get();
}

/** A figure as the audit trail records it. */
function figureJson(tx: CountyDatabase, row: AreaStatisticRow) {
  const period = tx.select().from(t.periods).where(eq(t.periods.id, row.periodId)).get()!;
  return {
    id: areaStatisticPublicId(row),
    area: row.area,
    rowLabel: row.rowLabel,
    category: row.categoryId,
    localLabel: row.localLabel,
    count: row.count,
    period: periodJson(period),
    source: { document: row.sourceDocument, locator: row.sourceLocator },
    notes: row.notes,
  };
}

const reread = (tx: CountyDatabase, ids: number[]) =>
  tx.select().from(t.areaStatistics).where(inArray(t.areaStatistics.id, ids)).all().sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));

/** Records new figures, all or none. A figure already recorded (same area, category, period and source) is a correction, not a record. */
export function recordAreaStatistics(db: CountyDatabase, actor: Actor, figures: Placed<AreaFigureFields>[], check: Checker): AreaStatisticRow[] {
  return publish(db, actor, "recordAreaCrimeStatistics", (tx) => {
    if (figures.length === 0) check.fail("", "name at least one figure");
    const areas = publishedAreaNames(tx);
    for (const { value, place } of figures) {
      if (check.text(place("area"), value.area, { max: 200 }) && !areas.includes(value.area)) {
        check.fail(place("area"), `unknown area "${value.area}"; the county publishes figures for ${areas.join(", ")}`);
      }
      check.text(place("rowLabel"), value.rowLabel, { optional: true, max: 300 });
    }
    checkFigures(check, figures);
    check.throwIfAny();
    for (const { value, place } of figures) {
      const stored = storedFigure(tx, value);
      if (stored) {
        check.fail(
          place(""),
          `${secondFigureMessage(value.category, value.period.label, value.source, value.area)}: ${areaStatisticPublicId(stored)} already has ${stored.count}; correct it with correctAreaCrimeStatistics`,
        );
      }
    }
    check.throwIfAny();
    const rows = figures.map(({ value }) =>
      tx
        .insert(t.areaStatistics)
        .values({
          area: value.area,
          rowLabel: value.rowLabel ?? value.area,
          categoryId: value.category,
          localLabel: value.localLabel,
          count: value.count,
          periodId: periodIdFor(tx, value.period),
          notes: value.notes ?? [],
          sourceDocument: value.source.document,
          sourceLocator: value.source.locator,
        })
        .returning()
        .get(),
    );
    const after = rows.map((row) => figureJson(tx, row));
    return { changed: true, subject: after.map((f) => f.id).join(", "), before: null, after, result: rows };
  }).result;
}

/** Corrects recorded figures by id (count, label as printed, notes), all or none; unchanged corrections write nothing. */
export function correctAreaStatistics(db: CountyDatabase, actor: Actor, corrections: Placed<FigureCorrection>[], check: Checker): AreaStatisticRow[] {
  return publish(db, actor, "correctAreaCrimeStatistics", (tx) => {
    if (corrections.length === 0) check.fail("", "name at least one correction");
    const seen = new Set<number>();
    const rows = corrections.map(({ value, place }) => {
      const local = localIdOf("county", value.id, check, place("id"), "crime statistic");
      const id = local && /^statistic-\d+$/.test(local) ? Number(local.slice("statistic-".length)) : undefined;
      const row = id === undefined ? undefined : tx.select().from(t.areaStatistics).where(eq(t.areaStatistics.id, id)).get();
      if (local !== undefined && !row) check.fail(place("id"), `no crime statistic ${value.id}`);
      if (row && seen.has(row.id)) check.fail(place("id"), `${value.id} is corrected twice in one request`);
      if (row) seen.add(row.id);
      checkFigureCorrection(check, place, value);
      return row;
    });
    check.throwIfAny();
    const before = rows.map((row) => figureJson(tx, row!));
    corrections.forEach(({ value }, i) => {
      const values = {
        ...(value.count != null && { count: value.count }),
        ...(value.localLabel != null && { localLabel: value.localLabel }),
        ...(value.notes !== undefined && { notes: value.notes ?? [] }),
      };
      if (Object.keys(values).length > 0) tx.update(t.areaStatistics).set(values).where(eq(t.areaStatistics.id, rows[i]!.id)).run();
    });
    const result = reread(tx, rows.map((row) => row!.id));
    const after = result.map((row) => figureJson(tx, row));
    return { changed: JSON.stringify(before) !== JSON.stringify(after), subject: after.map((f) => f.id).join(", "), before, after, result };
  }).result;
}
