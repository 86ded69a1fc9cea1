/**
 * A figure's corrections as served (CrimeStatistic.corrections): oldest first, each with the
 * count it replaced, read for many figures with one statement.
 */
import { asc, inArray } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { figureCorrections } from "../publishing/tables";

export type FigureCorrectionRow = typeof figureCorrections.$inferSelect;

export interface ServedCorrection {
  previousCount: number;
  count: number;
  correctedAt: string;
  source: { document: string; locator: string } | null;
  note: string | null;
}

/** The corrections of each figure of `ids` (local ids), oldest first. */
export function correctionsOfFigures(db: BetterSQLite3Database<any>, ids: readonly number[]): ServedCorrection[][] {
  const byFigure = new Map<number, ServedCorrection[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = db
      .select()
      .from(figureCorrections)
      .where(inArray(figureCorrections.figureId, ids.slice(i, i + 10_000)))
      .orderBy(asc(figureCorrections.id))
      .all();
    for (const row of rows) byFigure.get(row.figureId)?.push(servedCorrection(row));
  }
  return ids.map((id) => byFigure.get(id)!);
}

export function servedCorrection(row: FigureCorrectionRow): ServedCorrection {
  return {
    previousCount: row.previousCount,
    count: row.count,
    correctedAt: row.correctedAt,
    source: row.sourceDocument === null ? null : { document: row.sourceDocument, locator: row.sourceLocator ?? "" },
    note: row.note,
  };
}
