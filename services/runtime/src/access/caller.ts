import { findPartnership } from "@csg/schema";
import { and, eq, isNull } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { GraphQLError } from "graphql";
import { accessTokens } from "./tables";
import { COUNTY_SCOPE, presentedToken } from "./token";

/** Who is asking: nobody, a token this database does not know, or a verified token. */
export type Caller =
  | { kind: "anonymous" }
  | { kind: "unknown" }
  | { kind: "other-scope"; scope: string }
  | { kind: "token"; tokenId: string; label: string; scope: string };

/** Who wrote: recorded in the audit trail (never the token itself). */
export interface Actor {
  tokenId: string | null;
  label: string;
}

type AnyDatabase = BetterSQLite3Database<any>;

/**
 * Identifies the caller from the Authorization header against the tokens this database
 * accepts. A well-formed token of another registered partnership (or of the county, where
 * county tokens are not accepted) is reported as such without lookup: this database cannot
 * verify it, and it would not be allowed here whatever it is.
 */
export function identifyCaller(
  db: AnyDatabase,
  authorization: string | undefined,
  acceptedScopes: readonly string[],
): Caller {
  const presented = presentedToken(authorization);
  if (presented === undefined) return { kind: "anonymous" };
  if (presented === null) return { kind: "unknown" };
  if (!acceptedScopes.includes(presented.scope)) {
    // Another partnership's (or the county's) token: refused as such. A scope nobody has is just not a token.
    return presented.scope === COUNTY_SCOPE || findPartnership(presented.scope)
      ? { kind: "other-scope", scope: presented.scope }
      : { kind: "unknown" };
  }
  const row = db
    .select({ id: accessTokens.id, label: accessTokens.label, scope: accessTokens.scope })
    .from(accessTokens)
    .where(and(eq(accessTokens.hash, presented.hash), isNull(accessTokens.revokedAt)))
    .get();
  if (!row || row.scope !== presented.scope) return { kind: "unknown" };
  return { kind: "token", tokenId: row.id, label: row.label, scope: row.scope };
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

/**
 * The actor of a write that needs a token of one of `allowed` scopes; throws UNAUTHENTICATED
 * (no token, or one this subgraph does not know or that was revoked) or FORBIDDEN (a valid
 * token of another scope). `what` names the data, e.g. "Charnwood Community Safety Partnership's data".
 */
export function requireScope(caller: Caller, allowed: readonly string[], what: string): Actor {
  const needed = allowed.map((s) => (s === COUNTY_SCOPE ? "the county's" : `${s}'s`)).join(" or ");
  switch (caller.kind) {
    case "anonymous":
      throw unauthenticated(
        `A bearer token is required for ${what}: send "Authorization: Bearer <token>" with ${needed} token.`,
      );
    case "unknown":
      throw unauthenticated(
        `The bearer token is not valid here (unknown, malformed or revoked); ${what} needs ${needed} token.`,
      );
    case "other-scope":
      throw forbidden(`A token of "${caller.scope}" may not be used for ${what}; it needs ${needed} token.`);
    case "token":
      if (!allowed.includes(caller.scope))
        throw forbidden(`A token of "${caller.scope}" may not be used for ${what}; it needs ${needed} token.`);
      return { tokenId: caller.tokenId, label: caller.label };
  }
}
