import DataLoader from "dataloader";
import type { PeriodRow, StatisticRow } from "../db/schema";

/** One scope's figures (partnership-wide, or one area's), indexed once per request. */
export interface StatisticIndex {
  periods: Map<string, PeriodRow>;
  /** Figures of one category over the same dates and basis: where differing figures are found. */
  bySpan: Map<string, StatisticRow[]>;
  /** Figures of one category from one table: where the year before is found. */
  byTable: Map<string, StatisticRow[]>;
}

export const spanKey = (row: StatisticRow, period: PeriodRow) => `${row.categoryId}|${period.start}|${period.end}|${period.basis}`;
export const tableKey = (row: StatisticRow) => `${row.categoryId}|${row.sourceDocument}|${row.sourceLocator}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Per request and per scope: each figure's differing figures and year-before figure are then
 * found among a handful of candidates, not by scanning every figure for every figure (which
 * made a query's time grow with the square of the figures).
 */
export function statisticIndexLoader(
  statisticsOf: (scope: string) => Promise<StatisticRow[]>,
  periodsOf: (ids: string[]) => Promise<PeriodRow[]>,
): DataLoader<string, StatisticIndex> {
  return new DataLoader(async (scopes) =>
    Promise.all(
      scopes.map(async (scope) => {
        const rows = await statisticsOf(scope);
        const ids = [...new Set(rows.map((s) => s.periodId))];
        const periodRows = await periodsOf(ids);
        const periods = new Map(ids.map((id, i) => [id, periodRows[i]]));
        const bySpan = new Map<string, StatisticRow[]>();
        const byTable = new Map<string, StatisticRow[]>();
        for (const row of rows) {
          push(bySpan, spanKey(row, periods.get(row.periodId)!), row);
          push(byTable, tableKey(row), row);
        }
        return { periods, bySpan, byTable };
      }),
    ),
  );
}
