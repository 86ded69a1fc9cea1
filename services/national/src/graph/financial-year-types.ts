import { CrimeCategory, Period, Source } from "@csg/schema";
import { Field, Int, ObjectType } from "type-graphql";
import { NationalComparisonRow } from "./types";

@ObjectType("NationalFinancialYear", {
  description:
    "A financial year the Home Office's CSP tables hold: the years a dashboard can pass to nationalComparison and nationalPosition. SAMPLE DATA (made-up counts) until a real table is imported: see sampleData.",
})
export class NationalFinancialYear {
  @Field(() => String, {
    description: "As the Home Office prints it, e.g. 2020/21: the financialYear argument of nationalComparison.",
  })
  financialYear!: string;

  @Field(() => Period, { description: "The financial year's dates (1 April to 31 March)." })
  period!: Period;

  @Field(() => [Int], { description: "The quarters of the year held for any area (1 April-June ... 4 January-March)." })
  quartersHeld!: number[];

  @Field(() => Boolean, {
    description:
      "All four quarters are held for every area: counts and ranks are whole years. False while a quarter is missing (e.g. the current year).",
  })
  complete!: boolean;

  @Field(() => Boolean, {
    description:
      "True when any of the year's figures come from the repository's made-up SAMPLE files: never quote them.",
  })
  sampleData!: boolean;

  @Field(() => [Source], { description: "The files (document) and sheets (locator) the year's figures come from." })
  sources!: Source[];
}

@ObjectType("NationalYearPosition", {
  description:
    "A partnership's place in the Home Office's table for one category and financial year: its nationalPosition row with what is needed to read it (how many CSPs were ranked, whether the year is whole, where the figures come from). The Home Office's figures, never the partnership's own published ones. SAMPLE DATA until a real table is imported.",
})
export class NationalYearPosition {
  @Field(() => String, { description: "The financial year, e.g. 2020/21." })
  financialYear!: string;

  @Field(() => Period, { description: "The financial year's dates (1 April to 31 March)." })
  period!: Period;

  @Field(() => CrimeCategory, { description: "The category compared, e.g. all-crime." })
  category!: CrimeCategory;

  @Field(() => Boolean, {
    description:
      "The category has a matching Home Office measure for this year; when false, row is null and unmappedReason says why.",
  })
  mapped!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Why the category has no national figure this year (e.g. burglary before April 2017).",
  })
  unmappedReason!: string | null;

  @Field(() => [Int], { description: "The quarters of the year held for any area." })
  quartersHeld!: number[];

  @Field(() => Boolean, {
    description:
      "Every quarter of the year is held for every area (as nationalComparison.complete): counts and ranks are whole years.",
  })
  complete!: boolean;

  @Field(() => NationalComparisonRow, {
    nullable: true,
    description:
      "The partnership's row of nationalComparison for the year: count, rate, ranks nationally and within its force, quarters held. Null when unmapped or when the table holds no row for it.",
  })
  row!: NationalComparisonRow | null;

  @Field(() => Int, {
    description:
      'How many CSPs were ranked by count that year (those with all four quarters): the N of "rank 57 of N". 0 while the year is incomplete.',
  })
  groupSize!: number;

  @Field(() => Int, {
    description:
      "How many CSPs were ranked by rate per 1,000 that year (those with a count and a population held): the N of rankByRate.",
  })
  groupSizeByRate!: number;

  @Field(() => Boolean, {
    description:
      "True when any of the year's figures come from the repository's made-up SAMPLE files: never quote them.",
  })
  sampleData!: boolean;

  @Field(() => [Source], { description: "The files (document) and sheets (locator) the year's counts come from." })
  sources!: Source[];

  @Field(() => [Source], { description: "Where the populations behind the rates come from (ONS mid-year estimates)." })
  populationSources!: Source[];
}
