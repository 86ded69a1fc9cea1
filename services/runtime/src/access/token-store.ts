import { and, eq, isNull } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { accessTokens } from "./tables";

type AnyDatabase = BetterSQLite3Database<any>;
export type TokenRow = typeof accessTokens.$inferSelect;

/** Stores a token's row (its hash, never the token); a row already there is left alone. */
export function storeToken(db: AnyDatabase, row: TokenRow): void {
  db.insert(accessTokens).values(row).onConflictDoNothing().run();
}

/**
 * Marks a token revoked; one revoked before keeps the time it was first revoked. Returns its
 * row, or undefined when this database does not hold it.
 */
export function revokeStoredToken(db: AnyDatabase, id: string, at = new Date().toISOString()): TokenRow | undefined {
  db.update(accessTokens)
    .set({ revokedAt: at })
    .where(and(eq(accessTokens.id, id), isNull(accessTokens.revokedAt)))
    .run();
  return db.select().from(accessTokens).where(eq(accessTokens.id, id)).get();
}

export function storedTokens(db: AnyDatabase, options: { liveOnly?: boolean } = {}): TokenRow[] {
  const query = db.select().from(accessTokens);
  return (options.liveOnly ? query.where(isNull(accessTokens.revokedAt)) : query).all();
}
