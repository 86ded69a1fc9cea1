import { type CrimeStatistic, precedesByOneYear } from "@csg/schema";
import { sourceKey } from "./crime-series";

/** A count against the comparable count of the period before. */
export interface CountChangeValue {
  previousCount: number;
  difference: number;
  /** Percentage change, to one decimal place; null when the earlier count is zero. */
  percent: number | null;
}

export function countChange(previousCount: number, count: number): CountChangeValue {
  const difference = count - previousCount;
  return { previousCount, difference, percent: previousCount === 0 ? null : Math.round((difference / previousCount) * 1000) / 10 };
}

/**
 * The figure a year before `figure` that it can be compared with: the same category from the
 * same table (document and locator), over the same span a year earlier on the same basis
 * (see precedesByOneYear). A figure from another table is never compared: its definition or
 * extract date may differ.
 */
export function precedingComparable(statistics: CrimeStatistic[], figure: CrimeStatistic): CrimeStatistic | null {
  return (
    statistics.find(
      (s) =>
        s.category.id === figure.category.id &&
        sourceKey(s.source) === sourceKey(figure.source) &&
        precedesByOneYear(s.period, figure.period),
    ) ?? null
  );
}
