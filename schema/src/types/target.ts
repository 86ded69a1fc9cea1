import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { CrimeCategory, CrimeStatistic } from "./crime";
import { Period } from "./period";
import { Source } from "./source";

export enum TargetDirection {
  REDUCTION = "REDUCTION",
  INCREASE = "INCREASE",
}

registerEnumType(TargetDirection, { name: "TargetDirection", description: "Which way a target asks a count to move." });

export enum TargetStatus {
  MET = "MET",
  NOT_MET = "NOT_MET",
  NO_DATA = "NO_DATA",
}

registerEnumType(TargetStatus, {
  name: "TargetStatus",
  description: "Performance against a target, computed from the counts.",
  valuesConfig: {
    MET: { description: "The count moved the way the target asks." },
    NOT_MET: { description: "It did not (an unchanged count does not meet a reduction target)." },
    NO_DATA: { description: "The baseline or the outcome count is not published." },
  },
});

@ObjectType({ description: "A target a partnership set for a category, judged from its own counts." })
@Directive("@shareable")
export class CrimeTarget {
  @Field(() => ID, { description: "Stable id, unique across partnerships." })
  id!: string;

  @Field(() => CrimeCategory, { description: "The category targeted." })
  category!: CrimeCategory;

  @Field(() => String, { description: "The measure as printed." })
  localLabel!: string;

  @Field(() => TargetDirection, { description: "Reduction or increase." })
  direction!: TargetDirection;

  @Field(() => Period, { description: "The period compared against." })
  baselinePeriod!: Period;

  @Field(() => Period, { description: "The period judged." })
  targetPeriod!: Period;

  @Field(() => CrimeStatistic, { nullable: true, description: "The baseline count, from the target's own source." })
  baseline?: CrimeStatistic | null;

  @Field(() => CrimeStatistic, {
    nullable: true,
    description: "The count for the period judged, from the target's own source.",
  })
  outcome?: CrimeStatistic | null;

  @Field(() => TargetStatus, { description: "Met or not, from the two counts." })
  status!: TargetStatus;

  @Field(() => Source, { description: "Where the target was published." })
  source!: Source;
}
