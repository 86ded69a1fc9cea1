import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../scalars/date";
import { PeriodBasis } from "./period";

@InputType({
  description:
    "A period as the table prints it: its label, explicit dates and basis. The same four values name the same period.",
})
export class PeriodInput {
  @Field(() => String, { description: "The label as printed, e.g. FY 2019 or 2018/19 Projected." })
  label!: string;

  @Field(() => DateScalar, { description: "First day." })
  start!: string;

  @Field(() => DateScalar, { description: "Last day (inclusive); not before the start." })
  end!: string;

  @Field(() => PeriodBasis, { description: "How the period is defined." })
  basis!: PeriodBasis;
}

@InputType({ description: "A span of dates: a period's first and last day, whatever its label and basis." })
export class PeriodSpanInput {
  @Field(() => DateScalar, { description: "First day, e.g. 2017-04-01." })
  start!: string;

  @Field(() => DateScalar, { description: "Last day (inclusive), e.g. 2018-03-31." })
  end!: string;
}

@InputType({
  description:
    "Where something was published: the document's file name and the table, figure or heading in it. A document the system has not seen before must come with at least its title and publisher; for a known one they may be left out (given, they must be as known).",
})
export class SourceInput {
  @Field(() => String, {
    description: "The document's file name, e.g. 000_b7c152d5842baba3.txt (at most 200 characters).",
  })
  document!: string;

  @Field(() => String, { description: "The table, figure or heading, e.g. Figure 1 (at most 300 characters)." })
  locator!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The document's title as its front page prints it (at most 300 characters); required for a new document.",
  })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who published the document (at most 200 characters); required for a new document.",
  })
  publisher?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The date of publication the document prints; leave it out when it prints none. A recorded figure's period must end by it.",
  })
  published?: string | null;
}

@InputType({ description: "A new partnership-wide count, with its period and source in full." })
export class CrimeStatisticInput {
  @Field(() => ID, { description: "A canonical category id, e.g. all-crime, burglary-residential." })
  category!: string;

  @Field(() => String, { description: "The measure's label exactly as printed (at most 300 characters)." })
  localLabel!: string;

  @Field(() => Int, { description: "The count: a whole number, not negative." })
  count!: number;

  @Field(() => PeriodInput, { description: "The period as printed." })
  period!: PeriodInput;

  @Field(() => SourceInput, { description: "The table it was published in." })
  source!: SourceInput;

  @Field(() => [String], { nullable: true, description: "The publisher's caveats." })
  notes?: string[] | null;
}

@InputType({ description: "A correction of a recorded count: only the fields given change." })
export class CrimeStatisticCorrectionInput {
  @Field(() => ID, {
    description: "The figure's id as served, e.g. charnwood:statistic-12 (a county-wide figure's: county:statistic-3).",
  })
  id!: string;

  @Field(() => Int, { nullable: true, description: "The corrected count." })
  count?: number | null;

  @Field(() => String, { nullable: true, description: "The corrected label as printed." })
  localLabel?: string | null;

  @Field(() => [String], { nullable: true, description: "Replaces the figure's notes." })
  notes?: string[] | null;

  @Field(() => SourceInput, {
    nullable: true,
    description:
      "The document the corrected count comes from, recorded with the correction (the figure keeps the source it was first published in).",
  })
  source?: SourceInput | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the count is corrected (at most 1,000 characters), recorded with the correction.",
  })
  note?: string | null;
}
