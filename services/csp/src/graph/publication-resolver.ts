import { type AuditEntry, type PartnershipEntry, publicationField } from "@csg/schema";
import { COUNTY_SCOPE, readAuditTrail, rejectingBadInput, requireScope } from "@csg/service-runtime";
import { ValidationError } from "@csg/schema";
import { Arg, Ctx, FieldResolver, Int, Resolver } from "type-graphql";
import * as t from "../db/schema";
import type { CspRequestContext } from "./context";

/** An audit entry as served: before and after as JSON text. */
export function toAuditEntry(subgraph: string, row: ReturnType<typeof readAuditTrail>[number]): AuditEntry {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return { id: `${subgraph}:audit-${row.id}`, at: row.at, tokenId: row.tokenId, actor: row.actor, operation: row.operation, subject: row.subject, before: json(row.before), after: json(row.after) };
}

/** At most 1,000 entries per request. */
export function checkedLimit(limit: number): number {
  return rejectingBadInput(() => {
    if (limit < 1 || limit > 1000) throw new ValidationError([{ where: "auditTrail(limit)", path: "limit", message: `must be from 1 to 1000, got ${limit}` }]);
    return limit;
  });
}

/** When the partnership last published, and its audit trail (for its own token or the county's). */
export function publicationResolver(entry: PartnershipEntry, entityType: Function) {
  @Resolver(() => entityType)
  class PublicationResolver {
    @FieldResolver(...publicationField("lastPublishedAt"))
    lastPublishedAt(@Ctx() { db }: CspRequestContext): string | null {
      return db.select({ at: t.publicationState.lastPublishedAt }).from(t.publicationState).get()?.at ?? null;
    }

    @FieldResolver(...publicationField("auditTrail"))
    auditTrail(@Ctx() context: CspRequestContext, @Arg("limit", () => Int, { defaultValue: 100 }) limit: number): AuditEntry[] {
      requireScope(context.caller(), [entry.code, COUNTY_SCOPE], `reading ${entry.name}'s audit trail`);
      return readAuditTrail(context.db, checkedLimit(limit)).map((row) => toAuditEntry(entry.code, row));
    }
  }
  return PublicationResolver;
}
