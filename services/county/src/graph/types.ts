import { CrimeStatistic, CsaPriority, Source } from "@csg/schema";
import { Arg, Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A resident population figure, with the year it is for and its source." })
export class Population {
  @Field(() => Int, { description: "The year of the estimate." })
  year!: number;

  @Field(() => Int, { description: "Resident population." })
  count!: number;

  @Field(() => String, {
    description: "Where the figure comes from. Reference data: not any partnership's own figure.",
  })
  source!: string;
}

@ObjectType({ description: "A local authority area a partnership covers." })
export class District {
  @Field(() => String, { description: "The area's name." })
  name!: string;

  @Field(() => String, { description: "ONS (GSS) code, e.g. E07000130." })
  onsCode!: string;

  @Field(() => String, { description: "DISTRICT (two-tier, within Leicestershire) or UNITARY." })
  kind!: string;

  @Field(() => Population, {
    nullable: true,
    description:
      "The population of the year nearest to `year` that is available (the year served says which); the latest when no year is given.",
  })
  population(@Arg("year", () => Int, { nullable: true }) _year?: number): Population | null {
    return null;
  }

  @Field(() => [Population], { description: "Every population figure available, oldest first." })
  populations!: Population[];
}

@ObjectType({ description: "A member organisation of the county board, as published." })
export class BoardMember {
  @Field(() => String, { description: "As printed." })
  name!: string;

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;
}

@ObjectType({
  description:
    "The Leicestershire Safer Communities Strategy Board: the county-level crime and disorder strategy group.",
})
export class Board {
  @Field(() => String, { description: "Its name." })
  name!: string;

  @Field(() => String, { description: "Its abbreviation (LSCSB)." })
  abbreviation!: string;

  @Field(() => String, { description: "Who chairs it, as printed." })
  chair!: string;

  @Field(() => [BoardMember], { description: "Who it comprises, as printed." })
  members!: BoardMember[];

  @Field(() => Source, { description: "Where it was described." })
  source!: Source;
}

@ObjectType({
  description: "The Community Safety Agreement: the county-wide priorities that the partnerships' own should serve.",
})
export class CommunitySafetyAgreement {
  @Field(() => String, { description: "Its title." })
  title!: string;

  @Field(() => String, { description: "Who agreed it." })
  agreedBy!: string;

  @Field(() => String, { description: "When it was agreed, as printed." })
  agreedIn!: string;

  @Field(() => [CsaPriority], { description: "Its seven county-wide priorities, in printed order." })
  priorities!: CsaPriority[];

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;
}

@ObjectType({
  description: "A priority of Leicestershire County Council's strategic plan with strong links to community safety.",
})
export class StrategicPlanPriority {
  @Field(() => ID, { description: "Stable id." })
  id!: string;

  @Field(() => String, { description: "As printed, e.g. Keeping People Safe." })
  title!: string;

  @Field(() => String, { description: "As printed." })
  description!: string;

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;
}

@ObjectType({ description: "A workstream of the county community safety team, with its items as printed." })
export class Workstream {
  @Field(() => ID, { description: "Stable id." })
  id!: string;

  @Field(() => String, { description: "The heading as printed." })
  title!: string;

  @Field(() => [String], { description: "Its items as printed." })
  items!: string[];

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;
}

@ObjectType({ description: "Leicestershire County Council's community safety team." })
export class CountyTeam {
  @Field(() => String, { description: "Who the team is, as printed." })
  description!: string;

  @Field(() => [Workstream], { description: "Its workstreams." })
  workstreams!: Workstream[];

  @Field(() => Source, { description: "Where it was published." })
  source!: Source;
}

@ObjectType({ description: "A county strategy document." })
export class Strategy {
  @Field(() => String, { description: "Its title." })
  title!: string;

  @Field(() => String, { description: "The years it covers, as printed." })
  period!: string;

  @Field(() => String, { description: "The source document's file name." })
  document!: string;
}

@ObjectType({
  description: "An area larger than one partnership (the county, the police force area) and its published figures.",
})
export class PublishedArea {
  @Field(() => String, { description: "The area." })
  name!: string;

  @Field(() => [CrimeStatistic], {
    description: "Figures published for the area as a whole, optionally of one category.",
  })
  crimeStatistics(@Arg("category", () => ID, { nullable: true }) _category?: string): CrimeStatistic[] {
    return [];
  }
}

@ObjectType({ description: "Leicestershire: the two-tier county whose board co-ordinates its district partnerships." })
export class County {
  @Field(() => String, { description: "The county's name." })
  name!: string;

  @Field(() => String, { description: "ONS (GSS) code (E10000018)." })
  onsCode!: string;

  @Field(() => Board, { description: "The county board (LSCSB)." })
  board!: Board;

  @Field(() => CommunitySafetyAgreement, { description: "The Community Safety Agreement and its priorities." })
  agreement!: CommunitySafetyAgreement;

  @Field(() => [StrategicPlanPriority], {
    description: "The three County Council strategic plan priorities linked to community safety.",
  })
  strategicPlanPriorities!: StrategicPlanPriority[];

  @Field(() => CountyTeam, { description: "The county community safety team and its workstreams." })
  team!: CountyTeam;

  @Field(() => [Strategy], { description: "County strategy documents." })
  strategies!: Strategy[];

  @Field(() => Population, {
    nullable: true,
    description: "The county's population of the year nearest to `year` (the latest when none is given).",
  })
  population(@Arg("year", () => Int, { nullable: true }) _year?: number): Population | null {
    return null;
  }

  @Field(() => [District], { description: "The county's seven districts, with populations." })
  districts!: District[];

  @Field(() => [PublishedArea], {
    description: "Figures published for Leicestershire as a whole and for the police force area.",
  })
  publishedAreas!: PublishedArea[];

  @Field(() => [String], { description: "Where the county's documents disagree or need care." })
  notes!: string[];
}
