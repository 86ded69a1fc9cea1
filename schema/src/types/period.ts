import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../scalars/date";

export enum PeriodBasis {
  FINANCIAL_YEAR = "FINANCIAL_YEAR",
  YEAR_TO_DATE = "YEAR_TO_DATE",
  ROLLING_12_MONTHS = "ROLLING_12_MONTHS",
  PART_YEAR = "PART_YEAR",
  PROJECTION = "PROJECTION",
  PLAN_PERIOD = "PLAN_PERIOD",
}

registerEnumType(PeriodBasis, {
  name: "PeriodBasis",
  description: "How a period was defined by its publisher. Figures of different bases are never compared as if alike.",
  valuesConfig: {
    FINANCIAL_YEAR: { description: "A whole financial year, 1 April to 31 March." },
    YEAR_TO_DATE: { description: "From the start of a financial year to a date within it." },
    ROLLING_12_MONTHS: { description: "Twelve months ending on a stated month." },
    PART_YEAR: { description: "A stated span of months within a year (e.g. April to December)." },
    PROJECTION: { description: "A projected figure for a period not yet complete: an estimate, not a count." },
    PLAN_PERIOD: { description: "The years a plan or set of priorities covers." },
  },
});

@ObjectType({ description: "A period exactly as a table printed it: its label, explicit dates and basis." })
@Directive("@shareable")
export class Period {
  @Field(() => String, { description: "The period's label as printed, e.g. 2018/19 Projected or FY 2019." })
  label!: string;

  @Field(() => DateScalar, { description: "First day of the period." })
  start!: string;

  @Field(() => DateScalar, { description: "Last day of the period (inclusive)." })
  end!: string;

  @Field(() => PeriodBasis, { description: "How the period was defined." })
  basis!: PeriodBasis;

  @Field(() => String, { nullable: true, description: "What the publisher said about the period, where it matters." })
  note?: string | null;
}
