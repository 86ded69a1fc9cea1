import { CountChange, CrimeStatistic, differingFigureFinder, type Source, yearOnYearChange } from "@csg/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toCategory } from "./category";
import { type CspContext, publicId } from "./context";
import { PARTNERSHIP_WIDE, type StatisticRow } from "./loaders";
import { spanKey, tableKey } from "./statistic-index";
import { toPeriod } from "./period";
import { sourceOf } from "./priority-resolver";

const differingIn = differingFigureFinder<StatisticRow>((row) => row.count);

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
  async differingFigures(@Root() row: StatisticRow, @Ctx() context: CspContext): Promise<StatisticRow[]> {
    const { periods, bySpan } = await context.loaders.statisticIndex.load(row.areaId ?? PARTNERSHIP_WIDE);
    return differingIn(bySpan.get(spanKey(row, periods.get(row.periodId)!))!, row);
  }

  @FieldResolver()
  async change(@Root() row: StatisticRow, @Ctx() context: CspContext): Promise<(Omit<CountChange, "previous"> & { previous: StatisticRow }) | null> {
    const { periods, byTable } = await context.loaders.statisticIndex.load(row.areaId ?? PARTNERSHIP_WIDE);
    return yearOnYearChange(row, byTable.get(tableKey(row))!, (s) => ({
      category: s.categoryId,
      scope: s.areaId ?? PARTNERSHIP_WIDE,
      document: s.sourceDocument,
      locator: s.sourceLocator,
      count: s.count,
      period: periods.get(s.periodId)!,
    }));
  }
}
