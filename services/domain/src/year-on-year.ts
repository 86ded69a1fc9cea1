import { type PeriodSpan, yearLater } from "./periods";

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

/** The change of a figure on the year before, found in constant time (see yearOnYearIndex). */
export type YearOnYearLookup<F> = (figure: F) => YearOnYearChange<F> | null;

/** One table's figure for one span: JSON, so that no text a publisher wrote can make two keys one. */
const spanKey = (figure: ComparableFigure, start: string, end: string) =>
  JSON.stringify([figure.category, figure.scope, figure.document, figure.locator, figure.period.basis, start, end]);

/**
 * Indexes `candidates` once (time linear in their number) by the span each would be the
 * year before of: the same table (category, scope, document, locator) and basis, dates a year
 * later. A figure's change is then one look-up, not a scan of every candidate (which made
 * `change` over n figures of one table cost n x n). Where two candidates qualify, the first
 * in `candidates` is the one compared with. Projections compare with nothing.
 */
export function yearOnYearIndex<F>(
  candidates: readonly F[],
  describe: (figure: F) => ComparableFigure,
): YearOnYearLookup<F> {
  const laterDate = new Map<string, string>();
  const later = (date: string) => {
    let found = laterDate.get(date);
    if (found === undefined) laterDate.set(date, (found = yearLater(date)));
    return found;
  };
  const yearBefore = new Map<string, F>();
  for (const candidate of candidates) {
    const other = describe(candidate);
    if (other.period.basis === "PROJECTION") continue;
    const key = spanKey(other, later(other.period.start), later(other.period.end));
    if (!yearBefore.has(key)) yearBefore.set(key, candidate);
  }
  return (figure) => {
    const self = describe(figure);
    if (self.period.basis === "PROJECTION") return null;
    const previous = yearBefore.get(spanKey(self, self.period.start, self.period.end));
    if (previous === undefined) return null;
    const before = describe(previous).count;
    const difference = self.count - before;
    return { previous, difference, percent: before === 0 ? null : (difference / before) * 100 };
  };
}

/**
 * The change of `figure` on the year before: the same table's count for the same category
 * and scope, for the period one year earlier on the same basis (see precedesByOneYear).
 * Null when the table publishes no such figure. Shared by the partnership and county
 * subgraphs so that both compute change the same way. For many figures of one set, build a
 * yearOnYearIndex once instead.
 */
export function yearOnYearChange<F>(
  figure: F,
  candidates: readonly F[],
  describe: (figure: F) => ComparableFigure,
): YearOnYearChange<F> | null {
  return yearOnYearIndex(candidates, describe)(figure);
}
