import { createHash, randomBytes } from "node:crypto";

/**
 * A bearer token names its scope in clear and carries a random secret:
 *   csg_<scope>_<64 hex digits>     e.g. csg_charnwood_3f9a...   csg_county_a01c...
 * The scope (a partnership's registry code, or `county`) lets a subgraph tell a token of
 * another partnership (FORBIDDEN) from a missing, unknown or revoked one (UNAUTHENTICATED).
 * Only the SHA-256 hash of the whole token is ever stored; the token is shown once.
 */
export const COUNTY_SCOPE = "county";

const TOKEN_PATTERN = /^csg_([a-z0-9]+(?:-[a-z0-9]+)*)_([0-9a-f]{64})$/;

export interface PresentedToken {
  scope: string;
  /** SHA-256 of the whole token, hex: what the database keeps. */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Reads `Bearer <token>`; undefined when there is no header, null when it is not one of our tokens. */
export function presentedToken(authorization: string | undefined): PresentedToken | null | undefined {
  if (authorization === undefined || authorization.trim() === "") return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const parsed = match && TOKEN_PATTERN.exec(match[1]);
  if (!match || !parsed) return null;
  return { scope: parsed[1], hash: hashToken(match[1]) };
}

/** A new token for `scope` and its id (public, for the audit trail and revocation). */
export function newToken(scope: string): { id: string; token: string; hash: string } {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(scope))
    throw new Error(`A token scope is a registry code or "${COUNTY_SCOPE}", got "${scope}"`);
  const token = `csg_${scope}_${randomBytes(32).toString("hex")}`;
  return { id: `${scope}-${randomBytes(4).toString("hex")}`, token, hash: hashToken(token) };
}
