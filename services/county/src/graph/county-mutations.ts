import { AuditEntry, CsaPriority, DateTimeScalar } from "@csg/schema";

import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver } from "type-graphql";
import * as t from "../db/schema";
import { updateCsaPriority } from "../publishing/csa-priorities";
import { recordPopulations } from "../publishing/populations";
import { CsaPriorityChangesInput, PopulationInput } from "./county-inputs";
import { COUNTY_WRITE, countyWrite, requireCounty } from "./county-write";
import type { CountyRequestContext } from "./request-context";
import { County, Population } from "./types";
import { under, auditTrail } from "@csg/domain";

/** The county's writes to the agreement's words and to populations: plain root mutations of the county subgraph. */
@Resolver()
export class CountyMutations {
  @Mutation(() => CsaPriority, {
    description: "Corrects the county's words for a CSA priority (its id is fixed)." + COUNTY_WRITE,
  })
  updateCsaPriority(
    @Arg("id", () => ID, { description: "The CSA priority's id, e.g. domestic-abuse." }) id: string,
    @Arg("changes", () => CsaPriorityChangesInput, { description: "The fields to change." })
    changes: CsaPriorityChangesInput,
    @Ctx() context: CountyRequestContext,
  ) {
    const row = countyWrite(context, "updateCsaPriority", (actor, check) =>
      updateCsaPriority(context.db, actor, id, changes, check, { id: "id", changes: under("changes") }),
    );
    return { id: row.id };
  }

  @Mutation(() => [Population], {
    description: "Records populations, or corrects those of an area and year already held; all or none." + COUNTY_WRITE,
  })
  recordPopulations(
    @Arg("populations", () => [PopulationInput], { description: "The populations, at most one per area and year." })
    populations: PopulationInput[],
    @Ctx() context: CountyRequestContext,
  ): Population[] {
    const rows = countyWrite(context, "recordPopulations", (actor, check) =>
      recordPopulations(
        context.db,
        actor,
        populations.map((value, i) => ({ value, place: under(`populations[${i}]`) })),
        check,
      ),
    );
    return rows.map((row) => ({ year: row.year, count: row.population, source: row.source }));
  }
}

/** When the county last published a change, and its audit trail (county tokens only). */
@Resolver(() => County)
export class CountyPublicationResolver {
  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the county last published a change through its subgraph; null while it serves only its seed data.",
  })
  lastPublishedAt(@Ctx() { db }: CountyRequestContext): string | null {
    return db.select({ at: t.publicationState.lastPublishedAt }).from(t.publicationState).get()?.at ?? null;
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description:
      "Every write to the county's data, most recent first. Needs a county token; otherwise null with an UNAUTHENTICATED or FORBIDDEN error.",
  })
  auditTrail(
    @Ctx() context: CountyRequestContext,
    @Arg("limit", () => Int, { defaultValue: 100, description: "At most this many entries (1 to 1000)." })
    limit: number,
  ): AuditEntry[] {
    requireCounty(context, "reading the county's audit trail");
    return auditTrail(context.db, "county", limit);
  }
}
