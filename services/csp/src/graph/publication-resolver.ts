import { type AuditEntry, type PartnershipEntry, publicationField } from "@csg/schema";
import { COUNTY_SCOPE, requireScope } from "@csg/service-runtime";
import { Arg, Ctx, FieldResolver, Int, Resolver } from "type-graphql";
import * as t from "../db/schema";
import type { CspRequestContext } from "./context";
import { auditTrail } from "@csg/domain";

/** When the partnership last published, and its audit trail (for its own token or the county's). */
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes the entity's class as a Function.
export function publicationResolver(entry: PartnershipEntry, entityType: Function) {
  @Resolver(() => entityType)
  class PublicationResolver {
    @FieldResolver(...publicationField("lastPublishedAt"))
    lastPublishedAt(@Ctx() { db }: CspRequestContext): string | null {
      return db.select({ at: t.publicationState.lastPublishedAt }).from(t.publicationState).get()?.at ?? null;
    }

    @FieldResolver(...publicationField("auditTrail"))
    auditTrail(
      @Ctx() context: CspRequestContext,
      @Arg("limit", () => Int, { defaultValue: 100 }) limit: number,
    ): AuditEntry[] {
      requireScope(context.caller(), [entry.code, COUNTY_SCOPE], `reading ${entry.name}'s audit trail`);
      return auditTrail(context.db, entry.code, limit);
    }
  }
  return PublicationResolver;
}
