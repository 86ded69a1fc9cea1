/**
 * A set of published figures indexed once, so that each figure's differing figures and its
 * year-before figure are found among a handful of candidates, not by scanning every figure
 * for every figure (which made a query's time grow with the square of the figures).
 * Both subgraphs serve `differingFigures` and `change` through it.
 */
import type { PeriodRow } from "../publishing/periods";
import { type YearOnYearChange, yearOnYearIndex } from "../year-on-year";
import type { FigureRow } from "./columns";
import { differingFigureFinder } from "./differing-figures";

export interface FigureIndex<Row extends FigureRow> {
  periodOf(row: Row): PeriodRow;
  /** Figures of the same category and scope over the same dates and basis whose count differs (at most MAX_DIFFERING_FIGURES). */
  differingFigures(row: Row): Row[];
  /** The same table's figure for the period a year before, with the change. */
  change(row: Row): YearOnYearChange<Row> | null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Indexes `rows`; `scopeOf` tells figures of different scopes apart (partnership-wide or an
 * area's), since those never differ from or compare with each other.
 */
export function indexFigures<Row extends FigureRow>(
  rows: readonly Row[],
  periods: Map<string, PeriodRow>,
  scopeOf: (row: Row) => string,
): FigureIndex<Row> {
  const periodOf = (row: Row) => periods.get(row.periodId)!;
  const spanKey = (row: Row) => {
    const p = periodOf(row);
    return `${scopeOf(row)}|${row.categoryId}|${p.start}|${p.end}|${p.basis}`;
  };
  const differingIn = differingFigureFinder<Row>((row) => row.count);
  const bySpan = new Map<string, Row[]>();
  for (const row of rows) push(bySpan, spanKey(row), row);
  const change = yearOnYearIndex(rows, (figure) => ({
    category: figure.categoryId,
    scope: scopeOf(figure),
    document: figure.sourceDocument,
    locator: figure.sourceLocator,
    count: figure.count,
    period: periodOf(figure),
  }));
  return {
    periodOf,
    differingFigures: (row) => differingIn(bySpan.get(spanKey(row)) ?? [], row),
    change,
  };
}
