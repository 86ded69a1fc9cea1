/**
 * A figure's differing figures: the other figures of its category for the same span (dates
 * and basis) with another count. Served at most MAX_DIFFERING_FIGURES per figure, first
 * published first: a figure rarely has more than one or two, and without a cap n figures of
 * one category and period would answer n x n of them.
 */
export const MAX_DIFFERING_FIGURES = 20;

/**
 * Finds differing figures within a group of one category and span (in published order).
 * Every figure with the same count has the same answer, so it is found once per count: the
 * scan skips at most that count's figures and stops at the cap, so the whole group costs
 * time linear in its size, not its square.
 */
export function differingFigureFinder<F>(countOf: (figure: F) => number): (group: readonly F[], figure: F) => F[] {
  const found = new WeakMap<readonly F[], Map<number, F[]>>();
  return (group, figure) => {
    let byCount = found.get(group);
    if (!byCount) found.set(group, (byCount = new Map()));
    const count = countOf(figure);
    let answer = byCount.get(count);
    if (!answer) {
      answer = [];
      for (const other of group) {
        if (countOf(other) === count) continue;
        answer.push(other);
        if (answer.length === MAX_DIFFERING_FIGURES) break;
      }
      byCount.set(count, answer);
    }
    return answer;
  };
}
