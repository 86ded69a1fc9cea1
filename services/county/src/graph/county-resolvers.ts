import {
  type CrimeStatistic,
  CsaPriority,
  crimeCategory,
  type PeriodBasis,
  partnerships,
  Source,
  sourceOf,
  statisticId,
} from "@csg/schema";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { CountyContext } from "./loaders";
import { CommunitySafetyPartnership, partnershipObject } from "./partnership-types";
import { nearestPopulation, toPopulation } from "../analysis/population-year";
import { boardObject, strategicPlanPriorityObject, teamObject } from "./reference-data";
import { CommunitySafetyAgreement, County, District, PublishedArea } from "./types";
import { indexFigures, type ServedCorrection, servedCorrection } from "@csg/domain";
import type { AreaStatisticRow, CsaPriorityRow, PeriodRow, ProfileRow } from "../db/schema";

@Resolver()
export class PartnershipQueries {
  @Query(() => [CommunitySafetyPartnership], {
    description: "Every partnership of the registry, each resolved from its own subgraph.",
  })
  partnerships(
    @Arg("countyBoardMembersOnly", () => Boolean, {
      defaultValue: false,
      description: "Only the county's district partnerships.",
    })
    countyBoardMembersOnly: boolean,
  ) {
    return partnerships.filter((p) => !countyBoardMembersOnly || p.countyBoardMember).map(partnershipObject);
  }

  @Query(() => CommunitySafetyPartnership, {
    nullable: true,
    description: "One partnership by its registry code; null when there is none.",
  })
  partnership(@Arg("code", () => ID) code: string) {
    const entry = partnerships.find((p) => p.code === code);
    return entry ? partnershipObject(entry) : null;
  }

  @Query(() => County, {
    description: "Leicestershire: its board, agreement, reference data and county-wide analysis.",
  })
  async county(@Ctx() { loaders }: CountyContext) {
    const [profile] = await loaders.profile();
    return profile;
  }
}

@Resolver(() => County)
export class CountyResolver {
  @FieldResolver()
  async board(@Root() profile: ProfileRow, @Ctx() { loaders }: CountyContext) {
    return boardObject(profile, await loaders.boardMembers());
  }

  @FieldResolver()
  agreement(@Root() profile: ProfileRow) {
    return {
      title: profile.agreementTitle,
      agreedBy: profile.agreedBy,
      agreedIn: profile.agreedIn,
      source: sourceOf(profile.agreementDocument, profile.agreementLocator),
    };
  }

  @FieldResolver()
  async strategicPlanPriorities(@Ctx() { loaders }: CountyContext) {
    return (await loaders.strategicPlanPriorities()).map(strategicPlanPriorityObject);
  }

  @FieldResolver()
  async team(@Root() profile: ProfileRow, @Ctx() { loaders }: CountyContext) {
    return teamObject(profile, await loaders.workstreams());
  }

  @FieldResolver()
  async strategies(@Ctx() { loaders }: CountyContext) {
    return (await loaders.strategies()).map((s) => ({ title: s.title, period: s.periodLabel, document: s.document }));
  }

  @FieldResolver()
  districts() {
    return partnerships.filter((p) => p.countyBoardMember).flatMap((p) => p.districts);
  }

  @FieldResolver()
  async population(
    @Root() profile: ProfileRow,
    @Ctx() { loaders }: CountyContext,
    @Arg("year", () => Int, { nullable: true }) year?: number,
  ) {
    return nearestPopulation(await loaders.populationsByOnsCode.load(profile.onsCode), year);
  }

  @FieldResolver()
  async publishedAreas(@Ctx() { loaders }: CountyContext) {
    const areas = [...new Set((await loaders.areaStatistics()).map((s) => s.area))];
    return areas.map((name) => ({ name }));
  }
}

@Resolver(() => District)
export class DistrictResolver {
  @FieldResolver()
  async population(
    @Root() district: { onsCode: string },
    @Ctx() { loaders }: CountyContext,
    @Arg("year", () => Int, { nullable: true }) year?: number,
  ) {
    return nearestPopulation(await loaders.populationsByOnsCode.load(district.onsCode), year);
  }

  @FieldResolver()
  async populations(@Root() district: { onsCode: string }, @Ctx() { loaders }: CountyContext) {
    return (await loaders.populationsByOnsCode.load(district.onsCode)).map(toPopulation);
  }
}

@Resolver(() => CommunitySafetyAgreement)
export class AgreementResolver {
  @FieldResolver()
  async priorities(@Ctx() { loaders }: CountyContext) {
    return loaders.csaPriorities();
  }
}

/** The county owns the CSA priorities: it adds their words to the id partnerships refer to. */
@Resolver(() => CsaPriority)
export class CsaPriorityResolver {
  @FieldResolver(() => String, { description: "The priority as printed in the agreement." })
  async title(@Root() ref: { id: string }, @Ctx() { loaders }: CountyContext): Promise<string> {
    return (await csaRow(ref, loaders)).title;
  }

  @FieldResolver(() => String, { nullable: true, description: "Further words the county has given it." })
  async description(@Root() ref: { id: string }, @Ctx() { loaders }: CountyContext): Promise<string | null> {
    return (await csaRow(ref, loaders)).description;
  }

  @FieldResolver(() => Int, { description: "Its place in the agreement's printed order, from 1." })
  async number(@Root() ref: { id: string }, @Ctx() { loaders }: CountyContext): Promise<number> {
    return (await csaRow(ref, loaders)).position + 1;
  }

  @FieldResolver(() => Source, { description: "Where it was published." })
  async source(@Root() ref: { id: string }, @Ctx() { loaders }: CountyContext) {
    const row = await csaRow(ref, loaders);
    return sourceOf(row.sourceDocument, row.sourceLocator);
  }
}

async function csaRow(ref: { id: string }, loaders: CountyContext["loaders"]): Promise<CsaPriorityRow> {
  const row = await loaders.csaPriority.load(ref.id);
  if (!row) throw new Error(`No CSA priority "${ref.id}"`);
  return row;
}

/** The area's figures as served: each with the figures of the same span that differ, and its change on the year before. */
function areaStatistics(
  rows: AreaStatisticRow[],
  periods: Map<string, PeriodRow>,
  corrections: Map<number, ServedCorrection[]>,
): CrimeStatistic[] {
  const index = indexFigures(rows, periods, (row) => row.area);
  // Built whole, so that `change.previous` and `differingFigures` are full statistics too
  // (change looks strictly back in time, so building the previous year first ends).
  const built = new Map<AreaStatisticRow, CrimeStatistic>();
  const build = (row: AreaStatisticRow): CrimeStatistic => {
    let statistic = built.get(row);
    if (!statistic) {
      const change = index.change(row);
      statistic = toStatistic(
        row,
        index.periodOf(row),
        change && { ...change, previous: build(change.previous) },
        corrections.get(row.id) ?? [],
      );
      built.set(row, statistic);
    }
    return statistic;
  };
  const statistics = rows.map(build);
  rows.forEach((row, i) => {
    statistics[i].differingFigures = index.differingFigures(row).map(build);
  });
  return statistics;
}

/** Figures published for an area larger than one partnership (the county, the force area), as served. */
export async function publishedAreaStatistics(
  loaders: CountyContext["loaders"],
  areaName: string,
  category?: string | null,
): Promise<CrimeStatistic[]> {
  const periods = new Map((await loaders.periods()).map((p) => [p.id, p]));
  const rows = (await loaders.areaStatistics()).filter((s) => s.area === areaName);
  const corrections = new Map<number, ServedCorrection[]>();
  for (const row of await loaders.areaStatisticCorrections())
    corrections.set(row.figureId, [...(corrections.get(row.figureId) ?? []), servedCorrection(row)]);
  return areaStatistics(rows, periods, corrections).filter((s) => !category || s.category.id === category);
}

function toStatistic(
  row: AreaStatisticRow,
  period: PeriodRow,
  change: CrimeStatistic["change"],
  corrections: ServedCorrection[],
): CrimeStatistic {
  return {
    id: statisticId("county", row.id),
    category: crimeCategory(row.categoryId),
    localLabel: row.localLabel,
    count: row.count,
    period: {
      label: period.label,
      start: period.start,
      end: period.end,
      basis: period.basis as PeriodBasis,
      note: period.note,
    },
    source: sourceOf(row.sourceDocument, row.sourceLocator),
    corrections,
    alsoPublishedIn: [],
    notes: [...row.notes, `Row printed as "${row.rowLabel}"`],
    differingFigures: [],
    change,
  };
}

@Resolver(() => PublishedArea)
export class PublishedAreaResolver {
  @FieldResolver()
  async crimeStatistics(
    @Root() area: { name: string },
    @Ctx() { loaders }: CountyContext,
    @Arg("category", () => ID, { nullable: true }) category?: string,
  ): Promise<CrimeStatistic[]> {
    return publishedAreaStatistics(loaders, area.name, category);
  }
}
