import { and, asc, eq, isNull } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import { type FigureTable, writeTable } from "./layout";
import { knownDocument, type SourceRecord, periodJson } from "@csg/domain";

/**
 * The partnership-wide figures of one source as a table: rows in the order their figures
 * were first recorded, period columns in date order (start, then end). Exporting and
 * importing again changes nothing; importing a file in this order and exporting it gives
 * the same file back.
 */
export function tableOf(db: CspDatabase, source: SourceRecord): FigureTable {
  const figures = db
    .select({ figure: t.crimeStatistics, period: t.periods })
    .from(t.crimeStatistics)
    .innerJoin(t.periods, eq(t.periods.id, t.crimeStatistics.periodId))
    .where(
      and(
        isNull(t.crimeStatistics.areaId),
        eq(t.crimeStatistics.sourceDocument, source.document),
        eq(t.crimeStatistics.sourceLocator, source.locator),
      ),
    )
    .orderBy(asc(t.crimeStatistics.id))
    .all();
  const periods = [...new Map(figures.map(({ period }) => [period.id, period])).values()].sort(
    (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.label.localeCompare(b.label),
  );
  const rows = new Map<string, FigureTable["rows"][number]>();
  for (const { figure, period } of figures) {
    const key = `${figure.categoryId}\n${figure.localLabel}`;
    if (!rows.has(key))
      rows.set(key, { category: figure.categoryId, localLabel: figure.localLabel, counts: periods.map(() => null) });
    rows.get(key)!.counts[periods.findIndex((p) => p.id === period.id)] = figure.count;
  }
  // The document described as the system knows it, so the file says what each column cites.
  const document = knownDocument(db, source.document);
  const described = document
    ? { title: document.title, publisher: document.publisher, published: document.published }
    : {};
  return {
    source: { document: source.document, locator: source.locator, ...described },
    periods: periods.map(periodJson),
    rows: [...rows.values()],
  };
}

export function exportStatistics(db: CspDatabase, source: SourceRecord): string {
  return writeTable(tableOf(db, source));
}

/** The sources the partnership's figures come from, with how many figures each. */
export function statisticSources(db: CspDatabase): { source: SourceRecord; figures: number }[] {
  const counts = new Map<string, { source: SourceRecord; figures: number }>();
  for (const row of db
    .select()
    .from(t.crimeStatistics)
    .where(isNull(t.crimeStatistics.areaId))
    .orderBy(asc(t.crimeStatistics.id))
    .all()) {
    const key = `${row.sourceDocument}\n${row.sourceLocator}`;
    const entry = counts.get(key) ?? {
      source: { document: row.sourceDocument, locator: row.sourceLocator },
      figures: 0,
    };
    entry.figures++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
