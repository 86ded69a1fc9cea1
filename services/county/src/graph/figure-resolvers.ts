import { DateScalar } from "@csg/schema";
import { spansAYearBefore } from "@csg/domain";
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { crimeTotal } from "../analysis/crime-totals";
import { totalDifferences } from "../analysis/total-differences";
import { partnershipPopulation, populationYearFor } from "../analysis/population-year";
import type { PartnershipReading } from "../partnership-client/publications";
import { RATE_TABLES, STATISTICS, TARGETS } from "../partnership-client/reader";
import { checkCategory, checkPeriod } from "./analysis-arguments";
import { publishedAreaStatistics } from "./county-resolvers";
import { crimeCategory } from "@csg/schema";
import {
  CrimeTotal,
  type MissingFigureReason,
  MostSimilarGroupComparisons,
  TargetPerformance,
  type TotalDifferenceReason,
} from "./figure-types";
import type { CountyContext } from "./loaders";
import { partnershipObject } from "./partnership-types";
import { nearestPopulation } from "../analysis/population-year";
import { County } from "./types";
import type { PopulationRow, ProfileRow } from "../db/schema";

@ArgsType()
class CrimeTotalsArgs {
  @Field(() => ID, { description: "A canonical crime category id, e.g. all-crime." })
  category!: string;

  @Field(() => DateScalar, { description: "First day of the period, e.g. 2017-04-01." })
  start!: string;

  @Field(() => DateScalar, { description: "Last day of the period, e.g. 2018-03-31." })
  end!: string;
}

@ArgsType()
class PublicationFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only those of this crime category." })
  category?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: "Only the county's district partnerships." })
  countyBoardMembersOnly!: boolean;
}

function unavailable(readings: PartnershipReading[]) {
  const missing = readings.filter((r) => !r.publications);
  return {
    complete: missing.length === 0,
    unavailablePartnerships: missing.map((r) => partnershipObject(r.partnership)),
  };
}

@Resolver(() => County)
export class CountyFiguresResolver {
  @FieldResolver(() => CrimeTotal, {
    description:
      "The county total of one category over exactly one period, summed from the county board members' own subgraphs (one consistent series), per partnership with rate per 1,000, rank and change on the year before. Incomplete, naming who is missing, when a member did not publish that period.",
  })
  async crimeTotals(
    @Root() profile: ProfileRow,
    @Ctx() { loaders, partnerships: reader }: CountyContext,
    @Args(() => CrimeTotalsArgs) { category, start, end }: CrimeTotalsArgs,
  ): Promise<CrimeTotal> {
    checkCategory("crimeTotals", "category", category);
    checkPeriod("crimeTotals", start, end);
    // Only the category and spans asked (the period and the year before it, for change): a
    // partnership's other figures are never read for it, however many it publishes.
    const members = await reader.readMembers(STATISTICS, {
      category,
      periods: [{ start, end }, ...spansAYearBefore({ start, end })],
    });
    const onsCodes = [profile.onsCode, ...members.flatMap((m) => m.partnership.districts.map((d) => d.onsCode))];
    const loaded = await loaders.populationsByOnsCode.loadMany(onsCodes);
    const failed = loaded.find((rows) => rows instanceof Error);
    if (failed) throw failed;
    const populationRows = new Map(onsCodes.map((code, i) => [code, loaded[i] as PopulationRow[]]));
    const year = populationYearFor(start, end);
    const value = crimeTotal(
      members.map((m) => ({ partnership: m.partnership, statistics: m.publications?.crimeStatistics ?? null })),
      { category, start, end },
      (figure) => partnershipPopulation(figure.partnership, populationRows, year),
      nearestPopulation(populationRows.get(profile.onsCode) ?? [], year),
    );
    const published = (await publishedAreaStatistics(loaders, profile.name, category)).filter(
      (s) => s.period.start === start && s.period.end === end && s.period.basis !== "PROJECTION",
    );
    return {
      category: crimeCategory(category),
      start,
      end,
      total: value.total,
      complete: value.complete,
      partnerships: value.figures.map((f) => ({
        partnership: partnershipObject(f.partnership),
        count: f.count,
        statistic: f.statistic,
        population: f.population,
        ratePer1000: f.ratePer1000,
        rank: f.rank,
        rateRank: f.rateRank,
        change: f.change && { previousPeriod: f.change.previous.period, ...f.change },
        otherFigures: f.otherFigures,
      })),
      missing: value.missing.map((m) => ({
        partnership: partnershipObject(m.partnership),
        reason: m.reason as MissingFigureReason,
        projections: m.projections,
      })),
      sources: value.sources,
      population: value.population,
      ratePer1000: value.ratePer1000,
      change: value.change,
      publishedCountyFigures: published,
      publishedDifferences:
        value.complete && value.total !== null
          ? totalDifferences(value.total, value.figures, published).map((d) => ({
              ...d,
              explainedBy: d.explainedBy.map((f) => ({
                ...f,
                partnership: partnershipObject(f.partnership),
                reason: f.reason as TotalDifferenceReason,
              })),
            }))
          : [],
    };
  }

  @FieldResolver(() => TargetPerformance, {
    description:
      "Performance against the targets partnerships set (e.g. reduction targets), each met or not from its counts, read from the partnerships' own subgraphs.",
  })
  async targetPerformance(
    @Ctx() { partnerships: reader }: CountyContext,
    @Args(() => PublicationFilterArgs) { category, countyBoardMembersOnly }: PublicationFilterArgs,
  ): Promise<TargetPerformance> {
    checkCategory("targetPerformance", "category", category);
    const readings = await reader.readAll(countyBoardMembersOnly, TARGETS);
    const targets = readings.flatMap(({ partnership, publications }) =>
      (publications?.targets ?? [])
        .filter((t) => !category || t.category.id === category)
        .map((target) => ({ partnership: partnershipObject(partnership), target })),
    );
    const count = (status: string) => targets.filter((t) => t.target.status === status).length;
    return { targets, met: count("MET"), notMet: count("NOT_MET"), noData: count("NO_DATA"), ...unavailable(readings) };
  }

  @FieldResolver(() => MostSimilarGroupComparisons, {
    description:
      "The Most Similar Group tables the partnerships published, with each partnership's rank in its group per period computed from the table's values.",
  })
  async mostSimilarGroupComparisons(
    @Ctx() { partnerships: reader }: CountyContext,
    @Args(() => PublicationFilterArgs) { category, countyBoardMembersOnly }: PublicationFilterArgs,
  ): Promise<MostSimilarGroupComparisons> {
    checkCategory("mostSimilarGroupComparisons", "category", category);
    const readings = await reader.readAll(countyBoardMembersOnly, RATE_TABLES);
    const comparisons = readings.flatMap(({ partnership, publications }) =>
      (publications?.rateTables ?? [])
        .filter((table) => (!category || table.category.id === category) && table.rows.some((row) => row.self))
        .map((table) => {
          const self = table.rows.find((row) => row.self)!;
          const average = table.rows.find((row) => row.average);
          const groupSize = table.rows.filter((row) => !row.average).length;
          return {
            partnership: partnershipObject(partnership),
            table,
            positions: self.values.map((v, column) => ({
              period: v.period,
              value: v.value,
              printed: v.printed,
              rank: v.rank!,
              tied: v.tied,
              groupSize,
              groupAverage: average?.values[column]?.value ?? null,
            })),
          };
        }),
    );
    return { comparisons, ...unavailable(readings) };
  }
}
