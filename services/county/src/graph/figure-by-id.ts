/**
 * `Query.crimeStatistic(id)`: one figure by its public id, through the one endpoint.
 * Federation routes by type, not by key value, and every partnership serves the same
 * CrimeStatistic value type, so no entity key could send `melton:statistic-12` to Melton's
 * subgraph. The county owns the root field instead: the id's prefix names the publisher, and
 * the county asks that partnership's subgraph directly (as its analysis does: revision-checked,
 * so a correction shows on the next query), or answers its own figures itself.
 */
import { CrimeStatistic, findPartnership, parseStatisticId } from "@csg/schema";
import { GraphQLError } from "graphql";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { FIGURES } from "../partnership-client/reader";
import { publishedAreaStatistics } from "./county-resolvers";
import type { CountyContext } from "./loaders";

@Resolver()
export class FigureByIdQuery {
  @Query(() => CrimeStatistic, {
    nullable: true,
    description:
      "One published figure by its id as served, e.g. melton:statistic-12 (a partnership's, partnership-wide or a police beat's) or county:statistic-3 (a county figure for a larger area), with its corrections. Null when no such figure is published. Answered by the publisher's own subgraph: when it does not answer, an error with extensions.code SUBGRAPH_UNAVAILABLE names it.",
  })
  async crimeStatistic(
    @Arg("id", () => ID) id: string,
    @Ctx() { loaders, partnerships }: CountyContext,
  ): Promise<CrimeStatistic | null> {
    const parsed = parseStatisticId(id);
    if (!parsed) return null;
    const { owner, n } = parsed;
    if (owner === "county") {
      const row = (await loaders.areaStatistics()).find((s) => s.id === n);
      return row ? ((await publishedAreaStatistics(loaders, row.area)).find((s) => s.id === id) ?? null) : null;
    }
    const entry = findPartnership(owner);
    if (!entry) return null;
    const reading = await partnerships.read(entry, FIGURES);
    if (!reading.publications) {
      throw new GraphQLError(`${entry.name}'s figures cannot be read: ${reading.problem}`, {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: entry.code },
      });
    }
    const { crimeStatistics, areas } = reading.publications;
    return [...crimeStatistics, ...areas.flatMap((area) => area.crimeStatistics)].find((s) => s.id === id) ?? null;
  }
}
