import { CountChange, CrimeStatistic, type Source, sameSpan, yearOnYearChange } from "@csg/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { toCategory } from "./category";
import { type CspContext, publicId } from "./context";
import { PARTNERSHIP_WIDE, type PeriodRow, type StatisticRow } from "./loaders";
import { toPeriod } from "./period";
import { sourceOf } from "./priority-resolver";

/** The figures of the same scope as `row` (partnership-wide, or the same area), with their periods. */
async function sameScope(row: StatisticRow, { loaders }: CspContext): Promise<{ rows: StatisticRow[]; periods: Map<string, PeriodRow> }> {
  const rows = await loaders.statisticsByArea.load(row.areaId ?? PARTNERSHIP_WIDE);
  const ids = [...new Set(rows.map((s) => s.periodId))];
  const periods = (await loaders.period.loadMany(ids)) as PeriodRow[];
  return { rows, periods: new Map(ids.map((id, i) => [id, periods[i]])) };
}

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
    const { rows, periods } = await sameScope(row, context);
    const own = periods.get(row.periodId)!;
    return rows.filter((s) => s.id !== row.id && s.categoryId === row.categoryId && s.count !== row.count && sameSpan(own, periods.get(s.periodId)!));
  }

  @FieldResolver()
  async change(@Root() row: StatisticRow, @Ctx() context: CspContext): Promise<(Omit<CountChange, "previous"> & { previous: StatisticRow }) | null> {
    const { rows, periods } = await sameScope(row, context);
    return yearOnYearChange(row, rows, (s) => ({
      category: s.categoryId,
      scope: s.areaId ?? PARTNERSHIP_WIDE,
      document: s.sourceDocument,
      locator: s.sourceLocator,
      count: s.count,
      period: periods.get(s.periodId)!,
    }));
  }
}
