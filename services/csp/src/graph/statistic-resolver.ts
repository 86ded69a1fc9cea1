import { type CountChange, CrimeStatistic, type Source, statisticId } from "@csg/schema";
import type { ServedCorrection } from "@csg/domain";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { crimeCategory } from "@csg/schema";
import type { CspContext } from "./context";
import { PARTNERSHIP_WIDE } from "./loaders";
import { toPeriod } from "./period";
import { rowSource } from "./priority-resolver";
import type { StatisticRow } from "../db/schema";

@Resolver(() => CrimeStatistic)
export class StatisticResolver {
  @FieldResolver()
  id(@Root() row: StatisticRow, @Ctx() context: CspContext): string {
    return statisticId(context.partnership.code, row.id);
  }

  @FieldResolver()
  category(@Root() row: StatisticRow) {
    return crimeCategory(row.categoryId);
  }

  @FieldResolver()
  async period(@Root() row: StatisticRow, @Ctx() { loaders }: CspContext) {
    return toPeriod(await loaders.period.load(row.periodId));
  }

  @FieldResolver()
  source(@Root() row: StatisticRow): Source {
    return rowSource(row);
  }

  @FieldResolver()
  async corrections(@Root() row: StatisticRow, @Ctx() { loaders }: CspContext): Promise<ServedCorrection[]> {
    return loaders.correctionsByStatistic.load(row.id);
  }

  @FieldResolver()
  async alsoPublishedIn(@Root() row: StatisticRow, @Ctx() { loaders }: CspContext): Promise<Source[]> {
    return (await loaders.sourcesByStatistic.load(row.id)).map((s) => ({ document: s.document, locator: s.locator }));
  }

  @FieldResolver()
  async differingFigures(@Root() row: StatisticRow, @Ctx() context: CspContext): Promise<StatisticRow[]> {
    return (
      await context.loaders.statisticIndex.load([row.areaId ?? PARTNERSHIP_WIDE, row.categoryId])
    ).differingFigures(row);
  }

  @FieldResolver()
  async change(
    @Root() row: StatisticRow,
    @Ctx() context: CspContext,
  ): Promise<(Omit<CountChange, "previous"> & { previous: StatisticRow }) | null> {
    return (await context.loaders.statisticIndex.load([row.areaId ?? PARTNERSHIP_WIDE, row.categoryId])).change(row);
  }
}
