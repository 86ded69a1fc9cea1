/**
 * Why a county total differs from a total the county's documents print for the same period:
 * the partnerships' figures in the sum that were corrected since they were published, and
 * those that come from another table than the printed total (figures added since), each with
 * its part of the difference.
 */
import type { CrimeStatistic, PartnershipEntry } from "@csg/schema";
import type { ChosenFigure } from "./crime-series";

export type DifferenceReasonName = "CORRECTED" | "ADDED";

export interface DifferenceFigure {
  partnership: PartnershipEntry;
  statistic: CrimeStatistic;
  reason: DifferenceReasonName;
  /** What the figure adds to the difference; null when the printed table has no figure to compare it with. */
  difference: number | null;
}

export interface TotalDifference {
  published: CrimeStatistic;
  /** The computed total less the printed one. */
  difference: number;
  explainedBy: DifferenceFigure[];
  /** What the figures listed do not account for (0 when they explain it all). */
  unexplained: number;
}

const sameSource = (a: CrimeStatistic, b: CrimeStatistic) =>
  a.source.document === b.source.document && a.source.locator === b.source.locator;

/** The count as first published: before its first correction. */
const firstPublished = (statistic: CrimeStatistic) => statistic.corrections[0]?.previousCount ?? statistic.count;

/** One difference per printed total that the computed total does not equal. */
export function totalDifferences(total: number, used: ChosenFigure[], printed: CrimeStatistic[]): TotalDifference[] {
  return printed
    .filter((published) => published.count !== total)
    .map((published) => {
      const explainedBy: DifferenceFigure[] = [];
      for (const { partnership, statistic, otherFigures } of used) {
        if (!sameSource(statistic, published)) {
          // The printed table's own figure for the partnership, as first published, if it has one.
          const printedFigure = otherFigures.find((other) => sameSource(other, published));
          explainedBy.push({
            partnership,
            statistic,
            reason: "ADDED",
            difference: printedFigure ? statistic.count - firstPublished(printedFigure) : null,
          });
        } else if (statistic.corrections.length > 0) {
          explainedBy.push({
            partnership,
            statistic,
            reason: "CORRECTED",
            difference: statistic.count - firstPublished(statistic),
          });
        }
      }
      const difference = total - published.count;
      const explained = explainedBy.reduce((sum, figure) => sum + (figure.difference ?? 0), 0);
      return { published, difference, explainedBy, unexplained: difference - explained };
    });
}
