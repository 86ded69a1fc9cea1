import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Period } from "./period";
import { Source } from "./source";

@ObjectType({ description: "An amount of money in pounds sterling, exact: never a float." })
@Directive("@shareable")
export class Money {
  @Field(() => Int, { description: "The amount in pence." })
  pence!: number;

  @Field(() => String, { description: 'The amount in pounds as an exact decimal string, e.g. "75500.00".' })
  pounds!: string;

  @Field(() => String, { description: "ISO 4217 currency code: always GBP." })
  currency!: string;
}

@ObjectType({ description: "One line of how funding was allocated, as printed." })
@Directive("@shareable")
export class FundingAllocation {
  @Field(() => String, { description: "What the money is for, as printed." })
  purpose!: string;

  @Field(() => Money, { description: "The amount allocated." })
  amount!: Money;

  @Field(() => Source, { description: "Where it was published (with the funding it allocates)." })
  source!: Source;
}

@ObjectType({ description: "Funding a partnership received, with its allocations where published." })
@Directive("@shareable")
export class Funding {
  @Field(() => ID, { description: "Stable id, unique across partnerships." })
  id!: string;

  @Field(() => String, { description: "Who provided it, e.g. Police and Crime Commissioner." })
  funder!: string;

  @Field(() => String, { description: "The funding line as printed." })
  label!: string;

  @Field(() => Money, { description: "The amount received." })
  amount!: Money;

  @Field(() => Period, { nullable: true, description: "The period it covers, where stated." })
  period?: Period | null;

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;

  @Field(() => [FundingAllocation], {
    description: "How it was allocated, in printed order; empty where not published.",
  })
  allocations!: FundingAllocation[];

  @Field(() => Money, { description: "The sum of the allocations." })
  allocated!: Money;

  @Field(() => Money, { description: "Received less allocated (zero when fully allocated)." })
  unallocated!: Money;
}

@ObjectType({ description: "An organisation in the partnership, as printed." })
@Directive("@shareable")
export class Partner {
  @Field(() => String, { description: "The organisation's name as printed." })
  name!: string;

  @Field(() => Source, { description: "Where the membership was published." })
  source!: Source;
}
