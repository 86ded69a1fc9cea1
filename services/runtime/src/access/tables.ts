/**
 * The table every subgraph database has for authorised writes: the hashes of the tokens it
 * accepts. Both services' drizzle schemas re-export it, so their migrations create it.
 */
import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

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
