import { CrimeStatistic, type Source, sameSpan } from "@csg/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toCategory } from "./category";
import { type CspContext, publicId } from "./context";
import { PARTNERSHIP_WIDE, type PeriodRow, type StatisticRow } from "./loaders";
import { toPeriod } from "./period";
import { sourceOf } from "./priority-resolver";

@Resolver(() => CrimeStatistic)
export class StatisticResolver {
  @FieldResolver()
  id(@Root() row: StatisticRow, @Ctx() context: CspContext): string {
    return publicId(context, `statistic-${row.id}`);
  }

  @FieldResolver()
  category(@Root() row: StatisticRow) {
    return toCategory(row.categoryId);
  }

  @FieldResolver()
  async period(@Root() row: StatisticRow, @Ctx() { loaders }: CspContext) {
    return toPeriod(await loaders.period.load(row.periodId));
  }

  @FieldResolver()
  source(@Root() row: StatisticRow): Source {
    return sourceOf(row);
  }

  @FieldResolver()
  async alsoPublishedIn(@Root() row: StatisticRow, @Ctx() { loaders }: CspContext): Promise<Source[]> {
    return (await loaders.sourcesByStatistic.load(row.id)).map((s) => ({ document: s.document, locator: s.locator }));
  }

  @FieldResolver()
  async differingFigures(@Root() row: StatisticRow, @Ctx() { loaders }: CspContext): Promise<StatisticRow[]> {
    const sameScope = await loaders.statisticsByArea.load(row.areaId ?? PARTNERSHIP_WIDE);
    const candidates = sameScope.filter((s) => s.id !== row.id && s.categoryId === row.categoryId && s.count !== row.count);
    const [own, ...others] = (await loaders.period.loadMany([row.periodId, ...candidates.map((s) => s.periodId)])) as PeriodRow[];
    return candidates.filter((_, i) => sameSpan(own, others[i]));
  }
}
