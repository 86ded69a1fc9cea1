/** The input types of the county's writes: only GraphQL shapes; the rules are in @csg/schema and src/publishing. */
import { CrimeStatisticInput, SourceInput } from "@csg/schema";
import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Changes to a CSA priority's words: only the fields given change." })
export class CsaPriorityChangesInput {
  @Field(() => String, { nullable: true, description: "The priority as printed in the agreement." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Further words; null removes them." })
  description?: string | null;

  @Field(() => SourceInput, { nullable: true, description: "Where the words were published." })
  source?: SourceInput | null;
}

@InputType({ description: "A resident population of one area and year: recorded, or corrected when the year is held." })
export class PopulationInput {
  @Field(() => String, { description: "The area's ONS (GSS) code: a registered district or unitary, or the county." })
  onsCode!: string;

  @Field(() => Int, { description: "The year of the estimate." })
  year!: number;

  @Field(() => Int, { description: "Resident population." })
  count!: number;

  @Field(() => String, { description: "Where the figure comes from." })
  source!: string;
}

@InputType({ description: "Changes to the county board's description: only the fields given change." })
export class BoardChangesInput {
  @Field(() => String, { nullable: true, description: "Its name as printed (at most 300 characters)." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Its abbreviation, e.g. LSCSB (at most 20 characters)." })
  abbreviation?: string | null;

  @Field(() => String, { nullable: true, description: "Who chairs it, as printed (at most 300 characters)." })
  chair?: string | null;

  @Field(() => SourceInput, { nullable: true, description: "Where the board was described." })
  source?: SourceInput | null;
}

@InputType({ description: "A member organisation of the county board, as printed." })
export class BoardMemberInput {
  @Field(() => String, { description: "The organisation as printed (at most 300 characters)." })
  name!: string;

  @Field(() => SourceInput, { description: "Where its membership was published." })
  source!: SourceInput;
}

@InputType({ description: "Changes to a County Council strategic plan priority: only the fields given change." })
export class StrategicPlanPriorityChangesInput {
  @Field(() => String, {
    nullable: true,
    description: "As printed, e.g. Keeping People Safe (at most 300 characters).",
  })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "As printed." })
  description?: string | null;

  @Field(() => SourceInput, { nullable: true, description: "Where it was published." })
  source?: SourceInput | null;
}

@InputType({ description: "Changes to the county community safety team's description: only the fields given change." })
export class CountyTeamChangesInput {
  @Field(() => String, { nullable: true, description: "Who the team is, as printed." })
  description?: string | null;

  @Field(() => SourceInput, { nullable: true, description: "Where the team was described." })
  source?: SourceInput | null;
}

@InputType({
  description:
    "Changes to a workstream of the county team: only the fields given change; items given replace the items.",
})
export class WorkstreamChangesInput {
  @Field(() => String, { nullable: true, description: "The heading as printed (at most 300 characters)." })
  title?: string | null;

  @Field(() => [String], { nullable: true, description: "Replaces its items, in the order given (at least one)." })
  items?: string[] | null;

  @Field(() => SourceInput, { nullable: true, description: "Where it was published." })
  source?: SourceInput | null;
}

@InputType({
  description:
    "A new figure for an area larger than one partnership (Leicestershire, the police force area), with its period and source in full.",
})
export class AreaCrimeStatisticInput extends CrimeStatisticInput {
  @Field(() => String, { description: "The area as served by County.publishedAreas, e.g. Leicestershire." })
  area!: string;

  @Field(() => String, {
    nullable: true,
    description: "The table's row label as printed, e.g. Force; the area's name when absent.",
  })
  rowLabel?: string | null;
}
