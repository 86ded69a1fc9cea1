import type { AuditEntry } from "@csg/schema";
import { ValidationError } from "../validation/checker";
import { desc } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { auditEntries } from "./tables";
import { rejectingBadInput } from "./input-error";

export type AuditEntryRow = typeof auditEntries.$inferSelect;

/**
 * A subgraph's audit trail as served, most recent first: before and after as JSON text, ids
 * unique across subgraphs (`charnwood:audit-12`). At most 1,000 entries per request.
 */
export function auditTrail(db: BetterSQLite3Database<any>, subgraph: string, limit: number): AuditEntry[] {
  rejectingBadInput(() => {
    if (limit < 1 || limit > 1000)
      throw new ValidationError([
        { where: "auditTrail(limit)", path: "limit", message: `must be from 1 to 1000, got ${limit}` },
      ]);
  });
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return db
    .select()
    .from(auditEntries)
    .orderBy(desc(auditEntries.id))
    .limit(limit)
    .all()
    .map((row: AuditEntryRow) => ({
      id: `${subgraph}:audit-${row.id}`,
      at: row.at,
      tokenId: row.tokenId,
      actor: row.actor,
      operation: row.operation,
      subject: row.subject,
      before: json(row.before),
      after: json(row.after),
    }));
}
