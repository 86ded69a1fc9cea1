import { type FigureIndex, indexFigures } from "@csg/domain";
import DataLoader from "dataloader";
import type { PeriodRow, StatisticRow } from "../db/schema";

/** Partnership-wide figures are one scope, each area's figures another. */
export const scopeOfStatistic = (row: StatisticRow) => row.areaId ?? "";

/** One scope's figures (partnership-wide, or one area's), indexed once per request (see indexFigures). */
export function statisticIndexLoader(
  statisticsOf: (scope: string) => Promise<StatisticRow[]>,
  periodsOf: (ids: string[]) => Promise<PeriodRow[]>,
): DataLoader<string, FigureIndex<StatisticRow>> {
  return new DataLoader(async (scopes) =>
    Promise.all(
      scopes.map(async (scope) => {
        const rows = await statisticsOf(scope);
        const ids = [...new Set(rows.map((s) => s.periodId))];
        const periodRows = await periodsOf(ids);
        return indexFigures(rows, new Map(ids.map((id, i) => [id, periodRows[i]])), scopeOfStatistic);
      }),
    ),
  );
}
