/**
 * Tables every subgraph database has for authorised writes: the hashes of the tokens it
 * accepts, and the audit trail of every write. Both services' drizzle schemas re-export
 * them, so their migrations create them.
 */
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const accessTokens = sqliteTable(
  "access_tokens",
  {
    /** Public id, e.g. charnwood-3f9a2c1b: named in the audit trail and by `pnpm tokens revoke`. */
    id: text("id").primaryKey(),
    /** A partnership's registry code, or "county". */
    scope: text("scope").notNull(),
    /** Who holds it, e.g. "Charnwood CSO". */
    label: text("label").notNull(),
    /** SHA-256 of the token, hex. The token itself is never stored. */
    hash: text("hash").notNull(),
    createdAt: text("created_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("access_tokens_hash").on(t.hash)],
);

export const auditEntries = sqliteTable("audit_entries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** When the write was committed (ISO 8601, UTC). */
  at: text("at").notNull(),
  /** The token that authorised it; null for a local command (e.g. `pnpm import`). */
  tokenId: text("token_id"),
  /** The token's label, or the command and the operating-system user that ran it. */
  actor: text("actor").notNull(),
  /** The write, e.g. createPriority, recordCrimeStatistics, importCrimeStatistics. */
  operation: text("operation").notNull(),
  /** What it wrote to, e.g. a priority's id or the CSV file's name. */
  subject: text("subject").notNull(),
  before: text("before", { mode: "json" }).$type<unknown>(),
  after: text("after", { mode: "json" }).$type<unknown>(),
});
