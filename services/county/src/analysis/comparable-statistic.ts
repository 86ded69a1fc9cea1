import type { ComparableFigure, CrimeStatistic } from "@csg/schema";

/**
 * What makes two of a partnership's partnership-wide figures one table's consecutive years
 * (see yearOnYearChange, shared with the partnership subgraphs so both compare alike).
 */
export function comparableStatistic(statistic: CrimeStatistic): ComparableFigure {
  return {
    category: statistic.category.id,
    scope: "partnership",
    document: statistic.source.document,
    locator: statistic.source.locator,
    count: statistic.count,
    period: statistic.period,
  };
}
