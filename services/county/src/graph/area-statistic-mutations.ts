import { CrimeStatistic, CrimeStatisticCorrectionInput } from "@csg/schema";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { correctAreaStatistics, recordAreaStatistics } from "../publishing/area-statistics";
import { publishedAreaStatistics } from "./county-resolvers";
import { AreaCrimeStatisticInput } from "./county-inputs";
import { COUNTY_WRITE, countyWrite } from "./county-write";
import { createCountyLoaders } from "./loaders";
import type { CountyRequestContext } from "./request-context";
import { figurePublicId, under } from "@csg/domain";
import type { AreaStatisticRow } from "../db/schema";

/** The written figures as `County.publishedAreas.crimeStatistics` serves them (with their change on the year before), in the order written. */
async function asServed(context: CountyRequestContext, rows: AreaStatisticRow[]): Promise<CrimeStatistic[]> {
  // Fresh loaders: the request's own may have read the table before the write.
  const loaders = createCountyLoaders(context.db);
  const served = new Map<string, CrimeStatistic>();
  for (const area of new Set(rows.map((row) => row.area))) {
    for (const statistic of await publishedAreaStatistics(loaders, area)) served.set(statistic.id, statistic);
  }
  return rows.map((row) => served.get(figurePublicId("county", row))!);
}

/** The county's writes to the figures it publishes for Leicestershire as a whole and for the police force area. */
@Resolver()
export class AreaStatisticMutations {
  @Mutation(() => [CrimeStatistic], {
    description:
      "Records new figures for the county's published areas, all or none, by the same rules as a partnership's figures. A figure for an area, category, period and source already recorded is rejected: correct it with correctAreaCrimeStatistics." +
      COUNTY_WRITE,
  })
  recordAreaCrimeStatistics(
    @Arg("statistics", () => [AreaCrimeStatisticInput], {
      description: "The figures, each with its area, period and source.",
    })
    statistics: AreaCrimeStatisticInput[],
    @Ctx() context: CountyRequestContext,
  ): Promise<CrimeStatistic[]> {
    const rows = countyWrite(context, "recordAreaCrimeStatistics", (actor, check) =>
      recordAreaStatistics(
        context.db,
        actor,
        statistics.map((value, i) => ({ value, place: under(`statistics[${i}]`) })),
        check,
      ),
    );
    return asServed(context, rows);
  }

  @Mutation(() => [CrimeStatistic], {
    description:
      "Corrects recorded figures of the county's published areas by id (count, label as printed, notes), all or none. A correction that changes nothing is not recorded." +
      COUNTY_WRITE,
  })
  correctAreaCrimeStatistics(
    @Arg("corrections", () => [CrimeStatisticCorrectionInput], {
      description: "The corrections, each naming its figure's id, e.g. county:statistic-3.",
    })
    corrections: CrimeStatisticCorrectionInput[],
    @Ctx() context: CountyRequestContext,
  ): Promise<CrimeStatistic[]> {
    const rows = countyWrite(context, "correctAreaCrimeStatistics", (actor, check) =>
      correctAreaStatistics(
        context.db,
        actor,
        corrections.map((value, i) => ({ value, place: under(`corrections[${i}]`) })),
        check,
      ),
    );
    return asServed(context, rows);
  }
}
