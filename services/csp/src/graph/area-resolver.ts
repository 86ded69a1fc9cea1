import { Area, type Source, publicId } from "@csg/schema";
import { Arg, Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { CspContext } from "./context";

import { rowSource } from "./priority-resolver";
import type { AreaRow, StatisticRow } from "../db/schema";

@Resolver(() => Area)
export class AreaResolver {
  @FieldResolver()
  id(@Root() row: AreaRow, @Ctx() context: CspContext): string {
    return publicId(context.partnership.code, row.id);
  }

  @FieldResolver()
  source(@Root() row: AreaRow): Source {
    return rowSource(row);
  }

  @FieldResolver()
  async crimeStatistics(
    @Root() row: AreaRow,
    @Ctx() { loaders }: CspContext,
    @Arg("category", () => ID, { nullable: true }) category?: string,
  ): Promise<StatisticRow[]> {
    const rows = await loaders.statisticsByArea.load(row.id);
    return category ? rows.filter((s) => s.categoryId === category) : rows;
  }
}
