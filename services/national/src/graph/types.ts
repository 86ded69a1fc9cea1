import { CrimeCategory, Period, Source } from "@csg/schema";
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType("NationalArea", {
  description:
    "An area of the Home Office's tables: a Community Safety Partnership, an `Unassigned <Force>` row or another non-CSP row.",
})
export class NationalArea {
  @Field(() => String, {
    description: "The CSP's ONS name (the Home Office's spelling, when different, is homeOfficeName).",
  })
  name!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The CSP's ONS (GSS) code, e.g. E22000165; null for rows that are not CSPs.",
  })
  code!: string | null;

  @Field(() => String, { description: "The police force area, e.g. Leicestershire." })
  policeForce!: string;

  @Field(() => String, { description: "As the Home Office's tables name it, e.g. `Kingston upon Hull, City of`." })
  homeOfficeName!: string;

  @Field(() => String, {
    description: "CSP, UNASSIGNED (crimes the force could not place in a CSP) or NOT_A_CSP (e.g. Manchester Airport).",
  })
  kind!: string;
}

@ObjectType("NationalQuarterCount", {
  description: "One quarter's count of a category for an area, as the Home Office table holds it.",
})
export class NationalQuarterCount {
  @Field(() => Int, {
    description: "Financial quarter: 1 April-June, 2 July-September, 3 October-December, 4 January-March.",
  })
  quarter!: number;

  @Field(() => Int, { description: "The quarter's count (sum of the category's offence codes)." })
  count!: number;

  @Field(() => Period, { description: "The quarter's dates." })
  period!: Period;
}

@ObjectType("ForcePosition", {
  description: "A CSP's place among the CSPs of its police force area (Unassigned rows excluded).",
})
export class ForcePosition {
  @Field(() => String, { description: "The police force area." })
  policeForce!: string;

  @Field(() => Int, {
    nullable: true,
    description: "Rank by count within the force (1 = highest); null without a year's count.",
  })
  rank!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Rank by rate per 1,000 within the force (1 = highest); null without a rate.",
  })
  rankByRate!: number | null;

  @Field(() => Int, { description: "How many CSPs of the force the table holds for the year." })
  of!: number;
}

@ObjectType("NationalComparisonRow", {
  description:
    "One area's figure for the year, from the Home Office's table (never a partnership's own published figure).",
})
export class NationalComparisonRow {
  @Field(() => NationalArea, { description: "The CSP (or Unassigned row) as the national tables know it." })
  csp!: NationalArea;

  @Field(() => Int, {
    nullable: true,
    description:
      "The year's count: the four quarters summed; null when a quarter is missing (see complete and quarters).",
  })
  count!: number | null;

  @Field(() => Boolean, { description: "All four quarters of the year are held for this area." })
  complete!: boolean;

  @Field(() => [NationalQuarterCount], { description: "The quarters held, each its own figure." })
  quarters!: NationalQuarterCount[];

  @Field(() => Int, {
    nullable: true,
    description:
      "Residents: the ONS mid-year estimate (year populationYear) summed over the CSP's districts; null when not held.",
  })
  population!: number | null;

  @Field(() => Int, {
    description: "The mid-year of the population estimate used: the calendar year the financial year starts in.",
  })
  populationYear!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Crimes per 1,000 residents (count / population x 1,000, unrounded); null with rateUnavailableReason.",
  })
  ratePer1000!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Why ratePer1000 is null (no population held, an incomplete year, not a CSP).",
  })
  rateUnavailableReason!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Rank by count among every CSP in the table for the year (1 = highest; equal counts share a rank); null without a year's count or for a non-CSP row.",
  })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: "Rank by rate per 1,000 among the CSPs with a rate (1 = highest)." })
  rankByRate!: number | null;

  @Field(() => ForcePosition, {
    nullable: true,
    description: "Its place within its police force area; null for non-CSP rows.",
  })
  forcePosition!: ForcePosition | null;

  /** The registry code, for the partnership field's reference. */
  partnershipCode!: string | null;
}

@ObjectType("ComparisonGroupRow", { description: "A CSP's place within a comparison group." })
export class ComparisonGroupRow {
  @Field(() => String, { description: "The member as the group's source names it, e.g. Leicestershire - Leicester." })
  member!: string;

  @Field(() => NationalComparisonRow, { description: "Its national row." })
  row!: NationalComparisonRow;

  @Field(() => Int, { nullable: true, description: "Rank by count within the group (1 = highest)." })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: "Rank by rate per 1,000 within the group (1 = highest)." })
  rankByRate!: number | null;
}

@ObjectType("ComparisonGroup", {
  description:
    "A group of CSPs a partnership compares itself with, as its own document publishes it (e.g. Leicester's Most Similar Group).",
})
export class ComparisonGroup {
  @Field(() => ID, { description: "Stable id, e.g. leicester-msg." })
  id!: string;

  @Field(() => String, { description: "The group's name." })
  name!: string;

  @Field(() => String, { description: "What the group is and where it was published." })
  description!: string;

  @Field(() => [String], { description: "Members as the source names them (`<Force> - <CSP>`)." })
  members!: string[];

  @Field(() => Source, { description: "The document and table that list the group." })
  source!: Source;
}

@ObjectType("ComparisonGroupPosition", {
  description: "A comparison group's members ranked on the national figures of one category and year.",
})
export class ComparisonGroupPosition {
  @Field(() => ComparisonGroup, { description: "The group." })
  group!: ComparisonGroup;

  @Field(() => [ComparisonGroupRow], { description: "The members held for the year, by rank within the group." })
  rows!: ComparisonGroupRow[];

  @Field(() => [String], {
    description: "Members with no row in the table for the year (or not matched to a Home Office name).",
  })
  missingMembers!: string[];
}

@ObjectType("NationalComparison", {
  description:
    "Every CSP in England and Wales held from the Home Office's police recorded crime tables, for one category and financial year, ranked. SAMPLE DATA (made-up counts from the repository's sample files) until a real Home Office table is imported: see sampleData.",
})
export class NationalComparison {
  @Field(() => CrimeCategory, { description: "The category compared." })
  category!: CrimeCategory;

  @Field(() => String, { description: "The financial year, e.g. 2019/20." })
  financialYear!: string;

  @Field(() => Period, { description: "The financial year's dates (1 April to 31 March)." })
  period!: Period;

  @Field(() => Boolean, {
    description:
      "The category has a matching Home Office measure for this year; when false, rows is empty and unmappedReason says why.",
  })
  mapped!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "What the national figure counts (offence groups or subgroups).",
  })
  definition!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the category has no national figure for this year (e.g. burglary before April 2017).",
  })
  unmappedReason!: string | null;

  @Field(() => Boolean, {
    description:
      "Every quarter of the year is held for every CSP: counts are whole years. False while a quarter is missing (e.g. the current year).",
  })
  complete!: boolean;

  @Field(() => [Int], { description: "The quarters of the year the held tables cover." })
  quartersHeld!: number[];

  @Field(() => [NationalComparisonRow], { description: "Every CSP held, by rank (1 = highest count)." })
  rows!: NationalComparisonRow[];

  @Field(() => [NationalComparisonRow], {
    description:
      "`Unassigned <Force>` rows and other non-CSP rows: kept as published, never ranked or given to a partnership.",
  })
  unassigned!: NationalComparisonRow[];

  @Field(() => [Source], { description: "The files (document) and sheets (locator) the figures come from." })
  sources!: Source[];

  @Field(() => [Source], { description: "Where the populations behind the rates come from." })
  populationSources!: Source[];

  @Field(() => Boolean, {
    description: "True when any figure comes from the repository's made-up SAMPLE files: never quote them.",
  })
  sampleData!: boolean;

  /** Kept for the group field. */
  comparisonKey!: { category: string; financialYear: string };
}

@ObjectType("PoliceUkMonthlyCount", {
  description:
    "police.uk street-level rows of one crime type in one month in one area (crimes and anti-social behaviour incidents).",
})
export class PoliceUkMonthlyCount {
  @Field(() => String, { description: "The month, YYYY-MM." })
  month!: string;

  @Field(() => Period, { description: "The month's dates." })
  period!: Period;

  @Field(() => String, { description: "police.uk's crime type as published, e.g. Anti-social behaviour." })
  crimeType!: string;

  @Field(() => CrimeCategory, {
    nullable: true,
    description:
      "The project's category, where police.uk's crime type has the same definition (e.g. Shoplifting); null otherwise (e.g. Burglary, both kinds together).",
  })
  category!: CrimeCategory | null;

  @Field(() => Int, { description: "Rows of the file: one per crime or incident." })
  count!: number;

  @Field(() => Source, { description: "The police.uk file (document) and its force and month (locator)." })
  source!: Source;

  @Field(() => Boolean, { description: "True when from the repository's made-up SAMPLE files." })
  sampleData!: boolean;
}

@ObjectType("PoliceUkMonth", {
  description: "One force's police.uk month as held: totals and the rows with no location.",
})
export class PoliceUkMonth {
  @Field(() => String, { description: "The month, YYYY-MM." })
  month!: string;

  @Field(() => String, { description: "The force (`Falls within`)." })
  force!: string;

  @Field(() => Int, { description: "Every row of the month." })
  total!: number;

  @Field(() => Int, { description: "Rows with no location (no LSOA): counted here, in no CSP." })
  unplaced!: number;

  @Field(() => [PoliceUkMonthlyCount], { description: "The unplaced rows by crime type." })
  unplacedByCrimeType!: PoliceUkMonthlyCount[];

  @Field(() => Source, { description: "The file." })
  source!: Source;

  @Field(() => Boolean, { description: "True when from the repository's made-up SAMPLE files." })
  sampleData!: boolean;
}

/**
 * The partnership interface as the national subgraph contributes to it (@interfaceObject):
 * the county owns CommunitySafetyPartnership and its entity types; these fields are resolved
 * here for any partnership, by its code.
 */
@ObjectType("CommunitySafetyPartnership", {
  description:
    "A Community Safety Partnership: its registry entry (from the county) and what it publishes (from its own subgraph, queried without fragments).",
})
@Directive('@key(fields: "code")')
@Directive("@interfaceObject")
export class NationalPartnership {
  @Field(() => ID, { description: "Stable registry code, e.g. charnwood." })
  code!: string;
}
