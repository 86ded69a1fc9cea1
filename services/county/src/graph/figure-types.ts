import {
  CountChange,
  CrimeCategory,
  CrimeStatistic,
  CrimeTarget,
  DateScalar,
  Period,
  RateTable,
  Source,
} from "@csg/schema";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { CommunitySafetyPartnership, type PartnershipObject } from "./partnership-types";
import { Population } from "./types";

@ObjectType({
  description:
    "A county total against the same members' comparable figures a year earlier (same table, same span a year before, same basis).",
})
export class TotalChange {
  @Field(() => Period, { description: "The earlier period." })
  previousPeriod!: Period;

  @Field(() => Int, { description: "The earlier total." })
  previousTotal!: number;

  @Field(() => Int, { description: "This total minus the earlier one." })
  difference!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The difference as a percentage of the earlier total, at full precision (round it to the precision you display); null when the earlier total is 0.",
  })
  percent?: number | null;
}

@ObjectType({ description: "One partnership's part of a county total: its figure, rate, ranks and change." })
export class PartnershipCrimeFigure {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership." })
  partnership!: PartnershipObject;

  @Field(() => Int, { description: "The count used in the total." })
  count!: number;

  @Field(() => CrimeStatistic, {
    description: "The figure used, as the partnership publishes it (label, period and source).",
  })
  statistic!: CrimeStatistic;

  @Field(() => Population, {
    nullable: true,
    description:
      "The partnership's population used for its rate: the year nearest the period's midpoint that is available, with that year and its source.",
  })
  population?: Population | null;

  @Field(() => Float, {
    nullable: true,
    description: "Crimes per 1,000 residents, to two decimal places; null without a population.",
  })
  ratePer1000?: number | null;

  @Field(() => Int, {
    description: "Rank by count among the partnerships in the total, 1 = highest count; equal counts share a rank.",
  })
  rank!: number;

  @Field(() => Int, {
    nullable: true,
    description: "Rank by rate per 1,000 among the partnerships in the total, 1 = highest rate; null without a rate.",
  })
  rateRank?: number | null;

  @Field(() => CountChange, {
    nullable: true,
    description:
      "Change against the partnership's comparable figure a year earlier from the same table; null when that table has none.",
  })
  change?: CountChange | null;

  @Field(() => [CrimeStatistic], {
    description:
      "The partnership's other recorded figures for the same category and span (another table or extract), not used so that the total stays one series.",
  })
  otherFigures!: CrimeStatistic[];
}

export enum MissingFigureReason {
  NOT_PUBLISHED = "NOT_PUBLISHED",
  PROJECTION_ONLY = "PROJECTION_ONLY",
  UNAVAILABLE = "UNAVAILABLE",
}

registerEnumType(MissingFigureReason, {
  name: "MissingFigureReason",
  description: "Why a partnership has no figure in a county total.",
  valuesConfig: {
    NOT_PUBLISHED: { description: "It published no count of the category for exactly that period." },
    PROJECTION_ONLY: {
      description: "It published only a projection for the period: an estimate, never summed with recorded counts.",
    },
    UNAVAILABLE: { description: "Its subgraph did not answer." },
  },
});

export enum TotalDifferenceReason {
  CORRECTED = "CORRECTED",
  ADDED = "ADDED",
}

registerEnumType(TotalDifferenceReason, {
  name: "TotalDifferenceReason",
  description: "Why a figure in a county total makes it differ from a total the county's documents print.",
  valuesConfig: {
    CORRECTED: {
      description: "The figure comes from the printed total's table and was corrected since (see its corrections).",
    },
    ADDED: {
      description:
        "The figure comes from another table than the printed total's: recorded since, or from another document.",
    },
  },
});

@ObjectType({
  description: "A partnership's figure that explains (part of) a difference between a county total and a printed one.",
})
export class TotalDifferenceFigure {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership." })
  partnership!: PartnershipObject;

  @Field(() => CrimeStatistic, { description: "The figure used in the total, with its corrections and source." })
  statistic!: CrimeStatistic;

  @Field(() => TotalDifferenceReason, { description: "Corrected since it was printed, or from another table." })
  reason!: TotalDifferenceReason;

  @Field(() => Int, {
    nullable: true,
    description:
      "Its part of the difference: a corrected figure's count less its count as first published; an added figure's count less the printed table's figure for the partnership (as first published). Null when that table prints none for it.",
  })
  difference?: number | null;
}

@ObjectType({
  description:
    "A complete county total that differs from a total the county's documents print for the same category and period, and why.",
})
export class PublishedTotalDifference {
  @Field(() => CrimeStatistic, { description: "The printed total (one of publishedCountyFigures)." })
  published!: CrimeStatistic;

  @Field(() => Int, { description: "The computed total less the printed one (positive when the sum is higher)." })
  difference!: number;

  @Field(() => [TotalDifferenceFigure], {
    description: "The corrected or added figures in the sum that explain it, in registry order.",
  })
  explainedBy!: TotalDifferenceFigure[];

  @Field(() => Int, {
    description: "The part of the difference those figures do not account for: 0 when they explain it all.",
  })
  unexplained!: number;
}

@ObjectType({ description: "A county board member missing from a county total, and why." })
export class MissingCrimeFigure {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership." })
  partnership!: PartnershipObject;

  @Field(() => MissingFigureReason, { description: "Why it has no figure in the total." })
  reason!: MissingFigureReason;

  @Field(() => [CrimeStatistic], { description: "The projections it published for the period, if any (not counted)." })
  projections!: CrimeStatistic[];
}

@ObjectType({
  description:
    "A county-wide total of one crime category over exactly one period: the sum of the county board members' own recorded figures for that period, from one consistent series. Never a sum across different periods, bases or projections.",
})
export class CrimeTotal {
  @Field(() => CrimeCategory, { description: "The category." })
  category!: CrimeCategory;

  @Field(() => DateScalar, { description: "The first day of the period asked for." })
  start!: string;

  @Field(() => DateScalar, { description: "The last day of the period asked for." })
  end!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The sum of the figures used; a partial sum when complete is false; null when no member published one.",
  })
  total?: number | null;

  @Field(() => Boolean, {
    description: "Every county board member published a recorded figure for exactly this period and answered.",
  })
  complete!: boolean;

  @Field(() => [PartnershipCrimeFigure], { description: "The members with a figure, in registry order." })
  partnerships!: PartnershipCrimeFigure[];

  @Field(() => [MissingCrimeFigure], {
    description: "The members without one, and why (the total is then incomplete).",
  })
  missing!: MissingCrimeFigure[];

  @Field(() => [Source], {
    description:
      "The sources (document and table) of the figures used, the most widely covering first: one when a single table covers every member with a figure.",
  })
  sources!: Source[];

  @Field(() => Population, {
    nullable: true,
    description: "The county's population of the year nearest the period's midpoint, for a complete total.",
  })
  population?: Population | null;

  @Field(() => Float, {
    nullable: true,
    description: "The county's crimes per 1,000 residents, to two decimal places, for a complete total.",
  })
  ratePer1000?: number | null;

  @Field(() => TotalChange, {
    nullable: true,
    description:
      "Change against the same members' comparable figures a year earlier; only when both totals are complete.",
  })
  change?: TotalChange | null;

  @Field(() => [CrimeStatistic], {
    description:
      "What the county's own documents print for Leicestershire as a whole for the same category and period (to check the sum against).",
  })
  publishedCountyFigures!: CrimeStatistic[];

  @Field(() => [PublishedTotalDifference], {
    description:
      "For a complete total: each printed county figure of publishedCountyFigures that the total does not equal, with the corrected or added figures that explain the difference. Empty when the total equals what is printed, when nothing is printed, or when the total is incomplete (a partial sum is no county figure).",
  })
  publishedDifferences!: PublishedTotalDifference[];
}

@ObjectType({ description: "A target a partnership set, with its performance judged from its counts." })
export class PartnershipTarget {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership that set it." })
  partnership!: PartnershipObject;

  @Field(() => CrimeTarget, {
    description: "The target, its baseline and outcome counts and its status (met or not, from the counts).",
  })
  target!: CrimeTarget;
}

@ObjectType({ description: "Performance against the targets partnerships set (e.g. reduction targets)." })
export class TargetPerformance {
  @Field(() => [PartnershipTarget], { description: "Every target, by partnership in registry order." })
  targets!: PartnershipTarget[];

  @Field(() => Int, { description: "How many were met." })
  met!: number;

  @Field(() => Int, { description: "How many were not met." })
  notMet!: number;

  @Field(() => Int, { description: "How many cannot be judged (a count is not published)." })
  noData!: number;

  @Field(() => Boolean, { description: "Every partnership asked answered." })
  complete!: boolean;

  @Field(() => [CommunitySafetyPartnership], { description: "Partnerships whose subgraph did not answer." })
  unavailablePartnerships!: PartnershipObject[];
}

@ObjectType({
  description:
    "A partnership's place in a published comparison table for one period, computed from the table's values.",
})
export class ComparisonPosition {
  @Field(() => Period, { description: "The table's column." })
  period!: Period;

  @Field(() => Float, { description: "The partnership's value." })
  value!: number;

  @Field(() => String, { description: "The value as printed." })
  printed!: string;

  @Field(() => Int, {
    description:
      "Its rank among the table's members, 1 = highest rate (computed from the values, not copied from the text).",
  })
  rank!: number;

  @Field(() => Boolean, { description: "Another member has the same value (a joint rank)." })
  tied!: boolean;

  @Field(() => Int, { description: "How many members the table ranks (the average row excluded)." })
  groupSize!: number;

  @Field(() => Float, {
    nullable: true,
    description: "The group's average as printed in the table; null when it prints none.",
  })
  groupAverage?: number | null;
}

@ObjectType({
  description: "A partnership's published Most Similar Group comparison: the table and its positions in it.",
})
export class MostSimilarGroupComparison {
  @Field(() => CommunitySafetyPartnership, { description: "The partnership that published the table." })
  partnership!: PartnershipObject;

  @Field(() => RateTable, { description: "The table, every row with ranks computed." })
  table!: RateTable;

  @Field(() => [ComparisonPosition], { description: "The partnership's own row, one position per period." })
  positions!: ComparisonPosition[];
}

@ObjectType({ description: "The Most Similar Group comparisons the partnerships published." })
export class MostSimilarGroupComparisons {
  @Field(() => [MostSimilarGroupComparison], { description: "Each published table, by partnership in registry order." })
  comparisons!: MostSimilarGroupComparison[];

  @Field(() => Boolean, { description: "Every partnership asked answered." })
  complete!: boolean;

  @Field(() => [CommunitySafetyPartnership], { description: "Partnerships whose subgraph did not answer." })
  unavailablePartnerships!: PartnershipObject[];
}
