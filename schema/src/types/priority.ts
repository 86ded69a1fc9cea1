import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CsaAlignment } from "./csa";
import { Period } from "./period";
import { Source } from "./source";

@ObjectType({ description: "A theme under which a partnership groups its priorities." })
@Directive("@shareable")
export class Theme {
  @Field(() => ID, { description: "Stable id, unique across partnerships." })
  id!: string;

  @Field(() => String, { description: "The theme as printed." })
  title!: string;

  @Field(() => String, { nullable: true, description: "The theme's description as printed." })
  description?: string | null;

  @Field(() => Source, { description: "Where the theme was published." })
  source!: Source;
}

@ObjectType({ description: "A focus area of a priority, as printed (a bullet under it)." })
@Directive("@shareable")
export class FocusArea {
  @Field(() => String, { description: "The focus area as printed." })
  text!: string;

  @Field(() => [String], { description: "Sub-points printed under the focus area." })
  details!: string[];

  @Field(() => Source, { description: "Where it was published (with its priority)." })
  source!: Source;
}

@ObjectType({ description: "A priority a partnership published for a period." })
@Directive("@shareable")
export class Priority {
  @Field(() => ID, { description: "Stable id, unique across partnerships (partnership code, colon, local id)." })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The local reference as printed: "Priority 1", "a", "1".' })
  ref?: string | null;

  @Field(() => String, { description: "The priority as printed." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Further words printed with the priority." })
  description?: string | null;

  @Field(() => Theme, { nullable: true, description: "The theme it sits under, where the plan has themes." })
  theme?: Theme | null;

  @Field(() => Period, { description: "The period of the plan that set it." })
  period!: Period;

  @Field(() => Boolean, { description: "A cross-cutting priority that runs under every theme." })
  crossCutting!: boolean;

  @Field(() => Boolean, { description: "A priority the law requires of every CSP (e.g. reducing reoffending)." })
  mandatory!: boolean;

  @Field(() => [FocusArea], { description: "The focus areas printed under it." })
  focusAreas!: FocusArea[];

  @Field(() => [String], { description: "The publisher's footnotes and caveats." })
  notes!: string[];

  @Field(() => Source, { description: "Where the priority was published." })
  source!: Source;

  @Field(() => [CsaAlignment], {
    description:
      "The CSA priorities it serves: DECLARED by the partnership where it has declared any (the last word), otherwise SUGGESTED with evidence.",
  })
  csaAlignment!: CsaAlignment[];
}

@ObjectType({ description: "A published set of priorities for one period: a plan, a refresh or a year's aims." })
@Directive("@shareable")
export class Plan {
  @Field(() => ID, { description: "Stable id, unique across partnerships." })
  id!: string;

  @Field(() => String, { description: "The plan's title." })
  title!: string;

  @Field(() => Period, { description: "The years it covers." })
  period!: Period;

  @Field(() => Boolean, { description: "The partnership's most recent plan: its current priorities." })
  current!: boolean;

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;

  @Field(() => [String], { description: "Notes on the transcription or the publisher's caveats." })
  notes!: string[];

  @Field(() => [Theme], { description: "Its themes, in printed order." })
  themes!: Theme[];

  @Field(() => [Priority], { description: "Its priorities, in printed order." })
  priorities!: Priority[];
}
