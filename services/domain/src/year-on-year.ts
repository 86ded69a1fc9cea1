import { type PeriodSpan, precedesByOneYear } from "./periods";

/** What decides whether two published counts are one table's figures for consecutive years. */
export interface ComparableFigure {
  category: string;
  /** Partnership-wide, or the area the figure belongs to: figures of different scopes never compare. */
  scope: string;
  /** The table: source document and locator. Two tables' figures never compare, even for the same measure. */
  document: string;
  locator: string;
  count: number;
  period: PeriodSpan;
}

export interface YearOnYearChange<F> {
  previous: F;
  difference: number;
  /** Full precision; null when the previous count is 0 (no percentage of nothing). */
  percent: number | null;
}

/**
 * The change of `figure` on the year before: the same table's count for the same category
 * and scope, for the period one year earlier on the same basis (see precedesByOneYear).
 * Null when the table publishes no such figure. Shared by the partnership and county
 * subgraphs so that both compute change the same way.
 */
export function yearOnYearChange<F>(figure: F, candidates: readonly F[], describe: (figure: F) => ComparableFigure): YearOnYearChange<F> | null {
  const self = describe(figure);
  const previous = candidates.find((candidate) => {
    const other = describe(candidate);
    return (
      other.category === self.category &&
      other.scope === self.scope &&
      other.document === self.document &&
      other.locator === self.locator &&
      precedesByOneYear(other.period, self.period)
    );
  });
  if (previous === undefined) return null;
  const before = describe(previous).count;
  const difference = self.count - before;
  return { previous, difference, percent: before === 0 ? null : (difference / before) * 100 };
}
