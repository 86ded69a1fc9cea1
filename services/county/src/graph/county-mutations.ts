import { AuditEntry, Checker, CsaPriority, DateTimeScalar, SourceInput, under } from "@csg/schema";
import { COUNTY_SCOPE, auditTrail, rejectingBadInput, requireScope } from "@csg/service-runtime";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import * as t from "../db/schema";
import { updateCsaPriority } from "../publishing/csa-priorities";
import { recordPopulations } from "../publishing/populations";
import type { CountyRequestContext } from "./request-context";
import { County, Population } from "./types";

const AUTH =
  " Needs a county bearer token (UNAUTHENTICATED without one, FORBIDDEN with a partnership's); rejected input (BAD_USER_INPUT, each problem with its field) writes nothing. Recorded in the county's audit trail.";

@InputType({ description: "Changes to a CSA priority's words: only the fields given change." })
export class CsaPriorityChangesInput {
  @Field(() => String, { nullable: true, description: "The priority as printed in the agreement." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Further words; null removes them." })
  description?: string | null;

  @Field(() => SourceInput, { nullable: true, description: "Where the words were published." })
  source?: SourceInput | null;
}

@InputType({ description: "A resident population of one area and year: recorded, or corrected when the year is held." })
export class PopulationInput {
  @Field(() => String, { description: "The area's ONS (GSS) code: a registered district or unitary, or the county." })
  onsCode!: string;

  @Field(() => Int, { description: "The year of the estimate." })
  year!: number;

  @Field(() => Int, { description: "Resident population." })
  count!: number;

  @Field(() => String, { description: "Where the figure comes from." })
  source!: string;
}

function requireCounty(context: CountyRequestContext, what: string) {
  return requireScope(context.caller(), [COUNTY_SCOPE], what);
}

/** The county's writes: plain root mutations of the county subgraph. */
@Resolver()
export class CountyMutations {
  @Mutation(() => CsaPriority, { description: "Corrects the county's words for a CSA priority (its id is fixed)." + AUTH })
  updateCsaPriority(
    @Arg("id", () => ID, { description: "The CSA priority's id, e.g. domestic-abuse." }) id: string,
    @Arg("changes", () => CsaPriorityChangesInput) changes: CsaPriorityChangesInput,
    @Ctx() context: CountyRequestContext,
  ) {
    const actor = requireCounty(context, "writing the county's data");
    const row = rejectingBadInput(() => updateCsaPriority(context.db, actor, id, changes, new Checker("updateCsaPriority"), { id: "id", changes: under("changes") }));
    return { id: row.id };
  }

  @Mutation(() => [Population], { description: "Records populations, or corrects those of an area and year already held; all or none." + AUTH })
  recordPopulations(@Arg("populations", () => [PopulationInput]) populations: PopulationInput[], @Ctx() context: CountyRequestContext): Population[] {
    const actor = requireCounty(context, "writing the county's data");
    const rows = rejectingBadInput(() =>
      recordPopulations(
        context.db,
        actor,
        populations.map((value, i) => ({ value, place: under(`populations[${i}]`) })),
        new Checker("recordPopulations"),
      ),
    );
    return rows.map((row) => ({ year: row.year, count: row.population, source: row.source }));
  }
}

/** When the county last published a change, and its audit trail (county tokens only). */
@Resolver(() => County)
export class CountyPublicationResolver {
  @FieldResolver(() => DateTimeScalar, { nullable: true, description: "When the county last published a change through its subgraph; null while it serves only its seed data." })
  lastPublishedAt(@Ctx() { db }: CountyRequestContext): string | null {
    return db.select({ at: t.publicationState.lastPublishedAt }).from(t.publicationState).get()?.at ?? null;
  }

  @FieldResolver(() => [AuditEntry], {
    nullable: true,
    description: "Every write to the county's data, most recent first. Needs a county token; otherwise null with an UNAUTHENTICATED or FORBIDDEN error.",
  })
  auditTrail(@Ctx() context: CountyRequestContext, @Arg("limit", () => Int, { defaultValue: 100, description: "At most this many entries (1 to 1000)." }) limit: number): AuditEntry[] {
    requireCounty(context, "reading the county's audit trail");
    return auditTrail(context.db, "county", limit);
  }
}
