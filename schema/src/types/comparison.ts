import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "../scalars/date";
import { CrimeCategory } from "./crime";
import { Period } from "./period";
import { Source } from "./source";

@ObjectType({ description: "A partnership's published position in its comparison group for one category." })
@Directive("@shareable")
export class FamilyGroupPosition {
  @Field(() => CrimeCategory, { description: "The category ranked." })
  category!: CrimeCategory;

  @Field(() => String, { description: "The measure as printed." })
  localLabel!: string;

  @Field(() => Int, { description: "The position published (e.g. 9 of 9/15)." })
  position!: number;

  @Field(() => Int, { description: "How many partnerships the group ranks (e.g. 15 of 9/15)." })
  groupSize!: number;

  @Field(() => DateScalar, { description: "The date the position was stated for." })
  asAt!: string;

  @Field(() => Source, { description: "Where the position was published." })
  source!: Source;
}

@ObjectType({
  description:
    "A Home Office comparison group (Most Similar Family Group) and the partnership's published positions in it.",
})
@Directive("@shareable")
export class FamilyGroup {
  @Field(() => String, { description: "The group's name as printed." })
  name!: string;

  @Field(() => [String], { description: "Members as printed, the partnership included." })
  members!: string[];

  @Field(() => Source, { description: "Where the membership was published." })
  membersSource!: Source;

  @Field(() => [FamilyGroupPosition], { description: "Positions as published." })
  positions!: FamilyGroupPosition[];

  @Field(() => Source, { description: "Where the positions were published." })
  positionsSource!: Source;
}

@ObjectType({ description: "One value of a rate table, with its rank computed from the table." })
@Directive("@shareable")
export class RateValue {
  @Field(() => Period, { description: "The column's period." })
  period!: Period;

  @Field(() => Float, { description: "The value as a number." })
  value!: number;

  @Field(() => String, { description: "The value exactly as printed." })
  printed!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Rank among the table's members for this period, 1 = highest rate; tied values share a rank. Null for the average row.",
  })
  rank?: number | null;

  @Field(() => Boolean, { description: "Another member has the same value (a joint rank)." })
  tied!: boolean;
}

@ObjectType({ description: "One row of a rate table: a member of the group, or the group's average." })
@Directive("@shareable")
export class RateRow {
  @Field(() => String, { description: "The row as printed." })
  name!: string;

  @Field(() => Boolean, { description: "The row is this partnership." })
  self!: boolean;

  @Field(() => Boolean, { description: "The row is the group's published average, not a member." })
  average!: boolean;

  @Field(() => [RateValue], { description: "One value per period of the table." })
  values!: RateValue[];

  @Field(() => Source, { description: "Where the row was published (its table)." })
  source!: Source;
}

@ObjectType({
  description: "A published table of rates (not counts), e.g. crimes per 1,000 population across a Most Similar Group.",
})
@Directive("@shareable")
export class RateTable {
  @Field(() => ID, { description: "Stable id, unique across partnerships." })
  id!: string;

  @Field(() => String, { description: "The table's title." })
  title!: string;

  @Field(() => String, { description: "What one value measures, as printed." })
  measure!: string;

  @Field(() => CrimeCategory, { description: "The category the rate counts." })
  category!: CrimeCategory;

  @Field(() => [Period], { description: "The table's periods, in printed order." })
  periods!: Period[];

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;

  @Field(() => [RateRow], { description: "Rows in printed order." })
  rows!: RateRow[];

  @Field(() => [String], {
    description: "Where the publisher's own words about the table disagree with it, or other caveats.",
  })
  notes!: string[];
}
