/**
 * The input types of a partnership's writes: the same in every partnership's subgraph, so
 * they compose. Only GraphQL shapes here; the rules are in src/rules (shared with the
 * datasets and the CSV import).
 */
import { PeriodInput, SourceInput } from "@csg/schema";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType({ description: "A theme of a plan, as printed." })
export class ThemeInput {
  @Field(() => String, { description: "The theme as printed." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Its description as printed." })
  description?: string | null;
}

@InputType({ description: "A plan: a published set of priorities for one period." })
export class PlanInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "A local id (lower-case words joined by hyphens), e.g. priorities-2020-21; derived from the title when absent.",
  })
  id?: string | null;

  @Field(() => String, { description: "The plan's title." })
  title!: string;

  @Field(() => PeriodInput, { description: "The years it covers (basis PLAN_PERIOD, as a rule)." })
  period!: PeriodInput;

  @Field(() => SourceInput, { description: "Where it was published." })
  source!: SourceInput;

  @Field(() => [String], { nullable: true, description: "Notes on the transcription or the publisher's caveats." })
  notes?: string[] | null;

  @Field(() => [ThemeInput], { nullable: true, description: "Its themes, in printed order." })
  themes?: ThemeInput[] | null;
}

@InputType({ description: "A focus area printed under a priority." })
export class FocusAreaInput {
  @Field(() => String, { description: "The focus area as printed." })
  text!: string;

  @Field(() => [String], { nullable: true, description: "Sub-points printed under it." })
  details?: string[] | null;
}

@InputType({ description: "A new priority of one of the partnership's plans." })
export class PriorityInput {
  @Field(() => ID, {
    description: "The plan's id as served (e.g. charnwood:priorities-2019-20): its period is the priority's period.",
  })
  plan!: string;

  @Field(() => ID, {
    nullable: true,
    description: "A local id (lower-case words joined by hyphens); derived from the plan and title when absent.",
  })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The title of the plan's theme it sits under; a theme of that title is added to the plan when it has none.",
  })
  theme?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The local reference as printed, e.g. "Priority 1" (at most 50 characters).',
  })
  ref?: string | null;

  @Field(() => String, { description: "The priority as printed (at most 2,000 characters)." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Further words printed with it." })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Cross-cutting (runs under every theme); false when absent." })
  crossCutting?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Required of every CSP by law; false when absent." })
  mandatory?: boolean | null;

  @Field(() => [FocusAreaInput], { nullable: true, description: "Its focus areas, in printed order." })
  focusAreas?: FocusAreaInput[] | null;

  @Field(() => [String], { nullable: true, description: "Footnotes and caveats." })
  notes?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "The CSA priorities (ids, e.g. domestic-abuse) the partnership declares it serves: the last word on its alignment. Absent or null: not declared, so alignment is suggested.",
  })
  declaredAlignment?: string[] | null;

  @Field(() => SourceInput, { description: "Where it was published." })
  source!: SourceInput;
}

@InputType({ description: "Changes to a priority: only the fields given change; a list given replaces the list." })
export class PriorityChangesInput {
  @Field(() => String, {
    nullable: true,
    description: "The title of a theme of its plan (added when new); null takes it out of its theme.",
  })
  theme?: string | null;

  @Field(() => String, { nullable: true, description: "The local reference as printed; null removes it." })
  ref?: string | null;

  @Field(() => String, { nullable: true, description: "The priority as printed." })
  title?: string;

  @Field(() => String, { nullable: true, description: "Further words; null removes them." })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Cross-cutting." })
  crossCutting?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Required by law." })
  mandatory?: boolean | null;

  @Field(() => [FocusAreaInput], { nullable: true, description: "Replaces its focus areas." })
  focusAreas?: FocusAreaInput[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces its notes." })
  notes?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Replaces the declared CSA alignment; null withdraws the declaration (alignment is suggested again).",
  })
  declaredAlignment?: string[] | null;

  @Field(() => SourceInput, { nullable: true, description: "Where the corrected priority was published." })
  source?: SourceInput;
}

@InputType({ description: "One line of how funding was allocated." })
export class FundingAllocationInput {
  @Field(() => String, { description: "What the money is for, as printed." })
  purpose!: string;

  @Field(() => Int, { description: "The amount in pence." })
  amountPence!: number;
}

@InputType({
  description: "A funding line: new (no id), or a correction of a recorded one (its id); its allocations are replaced.",
})
export class FundingInput {
  @Field(() => ID, { nullable: true, description: "The line's id as served, to correct it; absent for a new line." })
  id?: string | null;

  @Field(() => String, { description: "Who provided it." })
  funder!: string;

  @Field(() => String, { description: "The line as printed." })
  label!: string;

  @Field(() => Int, { description: "The amount received, in pence." })
  amountPence!: number;

  @Field(() => PeriodInput, { nullable: true, description: "The period it covers, where stated." })
  period?: PeriodInput | null;

  @Field(() => SourceInput, { description: "Where it was published." })
  source!: SourceInput;

  @Field(() => [FundingAllocationInput], {
    description: "How it was allocated, in printed order (may be empty); at most the amount received.",
  })
  allocations!: FundingAllocationInput[];
}

@InputType({ description: "An organisation in the partnership, as printed." })
export class PartnerInput {
  @Field(() => String, { description: "The organisation's name as printed." })
  name!: string;

  @Field(() => SourceInput, { description: "Where the membership was published." })
  source!: SourceInput;
}
