import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../scalars/date-time";
import { Period } from "./period";
import { Source } from "./source";

export enum CategoryKind {
  RECORDED_CRIME = "RECORDED_CRIME",
  ASB_INCIDENT = "ASB_INCIDENT",
}

registerEnumType(CategoryKind, {
  name: "CategoryKind",
  description: "What a category counts.",
  valuesConfig: {
    RECORDED_CRIME: { description: "Police recorded crimes." },
    ASB_INCIDENT: { description: "Police recorded anti-social behaviour incidents (not crimes)." },
  },
});

@ObjectType({
  description: "A canonical crime or disorder category. Figures map to one only where the definitions match.",
})
@Directive("@shareable")
export class CrimeCategory {
  @Field(() => ID, { description: "Stable id, e.g. all-crime, burglary-residential." })
  id!: string;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => CategoryKind, { description: "What the category counts." })
  kind!: CategoryKind;

  @Field(() => String, { description: "The definition, and the printed labels it covers." })
  description!: string;
}

@ObjectType({
  description: "One correction of a published count: what it was, what it became, when, and on what evidence.",
})
@Directive("@shareable")
export class FigureCorrection {
  @Field(() => Int, {
    description: "The count before this correction (for the first correction: the count as first published).",
  })
  previousCount!: number;

  @Field(() => Int, { description: "The count this correction set." })
  count!: number;

  @Field(() => DateTimeScalar, { description: "When the correction was committed (UTC)." })
  correctedAt!: string;

  @Field(() => Source, {
    nullable: true,
    description: "The document the corrected count comes from; null when the correction named none.",
  })
  source?: Source | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the count was corrected, as the officer wrote it; null when no note was given.",
  })
  note?: string | null;
}

@ObjectType({
  description:
    "One published count: a category over a period, with the label and source as printed. Percentages are never stored; change is computed from counts.",
})
@Directive("@shareable")
export class CrimeStatistic {
  @Field(() => ID, { description: "Stable id of this figure." })
  id!: string;

  @Field(() => CrimeCategory, { description: "The canonical category the printed measure maps to." })
  category!: CrimeCategory;

  @Field(() => String, {
    description: "The measure's label exactly as printed, e.g. Violence against the person with Injury.",
  })
  localLabel!: string;

  @Field(() => Int, { description: "The published count. For a PROJECTION period this is the publisher's estimate." })
  count!: number;

  @Field(() => Period, { description: "The period the count was published for." })
  period!: Period;

  @Field(() => Source, {
    description: "Where the count was first published: a correction never changes it (see corrections).",
  })
  source!: Source;

  @Field(() => [FigureCorrection], {
    description:
      "Every correction of the count since it was first published, oldest first: the count each replaced, when, on what source and why. Empty when the count is as first published.",
  })
  corrections!: FigureCorrection[];

  @Field(() => [Source], { description: "Other tables that print the same count for the same measure and period." })
  alsoPublishedIn!: Source[];

  @Field(() => [String], {
    description: "The publisher's caveats about this figure (reclassifications, bases, row labels as printed).",
  })
  notes!: string[];

  @Field(() => [CrimeStatistic], {
    description:
      "Other figures this partnership published for the same category and the same dates and basis that differ from this one (another table or extract). Both are kept; neither is preferred. At most 20, first published first.",
  })
  differingFigures!: CrimeStatistic[];

  @Field(() => CountChange, {
    nullable: true,
    description:
      "The change on the year before, computed from the counts (printed percentages are never served). Null when the same table publishes no figure for the same category and scope for the period one year earlier on the same basis (projections compare with nothing).",
  })
  change?: CountChange | null;
}

@ObjectType({
  description:
    "A year-on-year change computed from two published counts of the same table: the same partnership, category and scope (partnership-wide or the same area), periods a year apart on the same basis.",
})
@Directive("@shareable")
export class CountChange {
  @Field(() => CrimeStatistic, {
    description: "The figure compared with: the same table's count for the period one year earlier.",
  })
  previous!: CrimeStatistic;

  @Field(() => Int, { description: "This count less the previous count (negative for a fall)." })
  difference!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The difference as a percentage of the previous count, at full precision: round it to the precision you display. Where a document printed a percentage that its own counts do not give, this is the value from the counts. Null when the previous count is 0.",
  })
  percent?: number | null;
}
