import type { CrimeStatistic } from "@csg/schema";
import type { ComparableFigure } from "@csg/domain";

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
