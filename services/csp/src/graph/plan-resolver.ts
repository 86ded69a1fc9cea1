import { Plan, type Source, publicId } from "@csg/schema";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CspContext } from "./context";

import { toPeriod } from "./period";
import { rowSource, toTheme } from "./priority-resolver";
import { currentPlan } from "./current-plan";
import type { PlanRow } from "../db/schema";

@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver()
  id(@Root() row: PlanRow, @Ctx() context: CspContext): string {
    return publicId(context.partnership.code, row.id);
  }

  @FieldResolver()
  source(@Root() row: PlanRow): Source {
    return rowSource(row);
  }

  @FieldResolver()
  async period(@Root() row: PlanRow, @Ctx() { loaders }: CspContext) {
    return toPeriod(await loaders.period.load(row.periodId));
  }

  @FieldResolver()
  async current(@Root() row: PlanRow, @Ctx() context: CspContext): Promise<boolean> {
    return (await currentPlan(context))?.id === row.id;
  }

  @FieldResolver()
  async themes(@Root() row: PlanRow, @Ctx() context: CspContext) {
    return (await context.loaders.themesByPlan.load(row.id)).map((theme) => toTheme(context, theme));
  }

  @FieldResolver()
  async priorities(@Root() row: PlanRow, @Ctx() { loaders }: CspContext) {
    return loaders.prioritiesByPlan.load(row.id);
  }
}
