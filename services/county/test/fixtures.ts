/** Small objects of the shared types, shaped as a partnership's subgraph answers them. */
import { AlignmentBasis, type CategoryKind, type CrimeStatistic, type PeriodBasis, type Priority } from "@csg/schema";

export function priority(
  id: string,
  title: string,
  aligned: [string, AlignmentBasis?][] = [],
  extra: Partial<Priority> = {},
): Priority {
  return {
    id,
    title,
    ref: null,
    description: null,
    theme: null,
    period: { label: "2019/20", start: "2019-04-01", end: "2020-03-31", basis: "PLAN_PERIOD" as PeriodBasis },
    crossCutting: false,
    mandatory: false,
    focusAreas: [],
    notes: [],
    source: { document: "plan.txt", locator: "Priorities" },
    csaAlignment: aligned.map(([csa, basis = AlignmentBasis.SUGGESTED]) => ({
      priority: { id: csa },
      basis,
      score: null,
      evidence: [],
    })),
    ...extra,
  };
}

export function statistic(
  id: string,
  count: number,
  period: { start: string; end: string; basis?: string; label?: string },
  locator = "Figure 3",
  category = "all-crime",
): CrimeStatistic {
  return {
    id,
    category: { id: category, name: category, kind: "RECORDED_CRIME" as CategoryKind, description: "" },
    localLabel: "Recorded Crime",
    count,
    period: {
      label: period.label ?? period.start,
      start: period.start,
      end: period.end,
      basis: (period.basis ?? "FINANCIAL_YEAR") as PeriodBasis,
    },
    source: { document: "002.txt", locator },
    corrections: [],
    alsoPublishedIn: [],
    notes: [],
    differingFigures: [],
  };
}

export const FY2016 = { start: "2016-04-01", end: "2017-03-31" };
export const FY2017 = { start: "2017-04-01", end: "2018-03-31" };
