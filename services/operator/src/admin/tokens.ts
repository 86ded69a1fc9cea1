/**
 * Issuing and revoking bearer tokens, on the SQLite files of a data folder. A partnership's
 * token is stored (as a hash) in that partnership's database. A county token is stored in
 * the county's database and in every partnership's, so that each partnership's subgraph can
 * let the county read its audit trail (and nothing more: it cannot write there).
 */
import { openCountyDatabase } from "@csg/county-subgraph";
import { openCspDatabase } from "@csg/csp-subgraph";
import { findPartnership, partnerships } from "@csg/schema";
import {
  COUNTY_SCOPE,
  type OpenDatabase,
  type TokenRow,
  newToken,
  revokeStoredToken,
  storeToken,
  storedTokens,
  COUNTY_DATABASE,
  partnershipDatabase as partnershipFile,
} from "@csg/service-runtime";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Checker } from "@csg/domain";

export interface IssuedToken {
  id: string;
  scope: string;
  label: string;
  /** The token itself: shown once, stored nowhere. */
  token: string;
}

interface TokenDatabase {
  name: string;
  file: string;
  open(): OpenDatabase<any>;
}

function countyDatabase(dataDir: string): TokenDatabase {
  const file = join(dataDir, COUNTY_DATABASE);
  return { name: COUNTY_SCOPE, file, open: () => openCountyDatabase(file) };
}

function partnershipDatabase(dataDir: string, code: string): TokenDatabase {
  const file = join(dataDir, partnershipFile(code));
  return { name: code, file, open: () => openCspDatabase(file) };
}

/** The databases that must hold a token of `scope`. */
function databasesFor(dataDir: string, scope: string): TokenDatabase[] {
  if (scope === COUNTY_SCOPE)
    return [countyDatabase(dataDir), ...partnerships.map((p) => partnershipDatabase(dataDir, p.code))];
  return [partnershipDatabase(dataDir, scope)];
}

/** Every database of the data folder that exists. */
function existingDatabases(dataDir: string): TokenDatabase[] {
  return [countyDatabase(dataDir), ...partnerships.map((p) => partnershipDatabase(dataDir, p.code))].filter((d) =>
    existsSync(d.file),
  );
}

function withDatabase<T>(database: TokenDatabase, use: (db: OpenDatabase<any>["db"]) => T): T {
  const opened = database.open();
  try {
    return use(opened.db);
  } finally {
    opened.close();
  }
}

/** Issues a token for a partnership (its registry code) or for the county (`county`). */
export function issueToken(dataDir: string, scope: string, label: string): IssuedToken {
  const check = new Checker("token issue");
  if (scope !== COUNTY_SCOPE && !findPartnership(scope)) {
    check.fail(
      "--partnership",
      `unknown partnership "${scope}"; registered: ${partnerships.map((p) => p.code).join(", ")}`,
    );
  }
  check.text("--label", label, { max: 200 });
  check.throwIfAny();
  const { id, token, hash } = newToken(scope);
  const row: TokenRow = { id, scope, label, hash, createdAt: new Date().toISOString(), revokedAt: null };
  for (const database of databasesFor(dataDir, scope)) withDatabase(database, (db) => storeToken(db, row));
  return { id, scope, label, token };
}

/** Revokes a token everywhere it is stored; it is refused from then on (UNAUTHENTICATED). */
export function revokeToken(dataDir: string, id: string): TokenRow {
  let found: TokenRow | undefined;
  const at = new Date().toISOString();
  for (const database of existingDatabases(dataDir)) {
    found = withDatabase(database, (db) => revokeStoredToken(db, id, at)) ?? found;
  }
  if (!found) throw new Error(`No token "${id}" in ${dataDir} (see pnpm tokens list)`);
  return found;
}

/** Every token of the data folder (hashes left out), oldest first. */
export function listTokens(dataDir: string): Omit<TokenRow, "hash">[] {
  const byId = new Map<string, Omit<TokenRow, "hash">>();
  for (const database of existingDatabases(dataDir)) {
    withDatabase(database, (db) => {
      for (const { hash: _hash, ...row } of storedTokens(db)) if (!byId.has(row.id)) byId.set(row.id, row);
    });
  }
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Gives a new partnership's database the county's live tokens, so the county can read its audit trail too. */
export function shareCountyTokens(dataDir: string, code: string): number {
  const county = countyDatabase(dataDir);
  if (!existsSync(county.file)) return 0;
  const rows = withDatabase(county, (db) =>
    storedTokens(db, { liveOnly: true }).filter((row) => row.scope === COUNTY_SCOPE),
  );
  withDatabase(partnershipDatabase(dataDir, code), (db) => rows.forEach((row) => storeToken(db, row)));
  return rows.length;
}
