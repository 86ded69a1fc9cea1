import { CrimeTarget, type Source, TargetStatus, publicId } from "@csg/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { crimeCategory } from "@csg/schema";
import type { CspContext } from "./context";
import { toPeriod } from "./period";
import { rowSource } from "./priority-resolver";
import type { StatisticRow, TargetRow } from "../db/schema";

/** The target's own count for a period: same category and period, preferring the target's own table. */
async function countFor(target: TargetRow, periodId: string, { loaders }: CspContext): Promise<StatisticRow | null> {
  const rows = (await loaders.statisticsOfCategory.load(target.categoryId)).filter((s) => s.periodId === periodId);
  return (
    rows.find((s) => s.sourceDocument === target.sourceDocument && s.sourceLocator === target.sourceLocator) ??
    rows[0] ??
    null
  );
}

@Resolver(() => CrimeTarget)
export class TargetResolver {
  @FieldResolver()
  id(@Root() row: TargetRow, @Ctx() context: CspContext): string {
    return publicId(context.partnership.code, row.id);
  }

  @FieldResolver()
  category(@Root() row: TargetRow) {
    return crimeCategory(row.categoryId);
  }

  @FieldResolver()
  source(@Root() row: TargetRow): Source {
    return rowSource(row);
  }

  @FieldResolver()
  async baselinePeriod(@Root() row: TargetRow, @Ctx() { loaders }: CspContext) {
    return toPeriod(await loaders.period.load(row.baselinePeriodId));
  }

  @FieldResolver()
  async targetPeriod(@Root() row: TargetRow, @Ctx() { loaders }: CspContext) {
    return toPeriod(await loaders.period.load(row.targetPeriodId));
  }

  @FieldResolver()
  baseline(@Root() row: TargetRow, @Ctx() context: CspContext) {
    return countFor(row, row.baselinePeriodId, context);
  }

  @FieldResolver()
  outcome(@Root() row: TargetRow, @Ctx() context: CspContext) {
    return countFor(row, row.targetPeriodId, context);
  }

  @FieldResolver()
  async status(@Root() row: TargetRow, @Ctx() context: CspContext): Promise<TargetStatus> {
    const [baseline, outcome] = await Promise.all([
      countFor(row, row.baselinePeriodId, context),
      countFor(row, row.targetPeriodId, context),
    ]);
    if (!baseline || !outcome) return TargetStatus.NO_DATA;
    const met = row.direction === "REDUCTION" ? outcome.count < baseline.count : outcome.count > baseline.count;
    return met ? TargetStatus.MET : TargetStatus.NOT_MET;
  }
}
