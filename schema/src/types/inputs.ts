import { Field, InputType } from "type-graphql";
import { DateScalar } from "../scalars/date";
import { PeriodBasis } from "./period";

@InputType({ description: "A period as the table prints it: its label, explicit dates and basis. The same four values name the same period." })
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

@InputType({ description: "Where something was published: the document's file name and the table, figure or heading in it." })
export class SourceInput {
  @Field(() => String, { description: "The document's file name, e.g. 000_b7c152d5842baba3.txt (at most 200 characters)." })
  document!: string;

  @Field(() => String, { description: "The table, figure or heading, e.g. Figure 1 (at most 300 characters)." })
  locator!: string;
}
