import type { PartnershipEntry } from "@csg/schema";
import { COUNTY_SCOPE, type Caller, identifyCaller } from "@csg/service-runtime";
import type { CspDatabase } from "../db/database";
import { type CspLoaders, createLoaders } from "./loaders";
import type { PublishedStatistics } from "./published-statistics";

/** What every resolver of a partnership subgraph sees for one request. */
export interface CspContext {
  partnership: PartnershipEntry;
  loaders: CspLoaders;
}

/** What the writes and the audit trail see besides: the database and who is asking. */
export interface CspRequestContext extends CspContext {
  db: CspDatabase;
  /** The caller, identified from the Authorization header on first use (one lookup per request). */
  caller(): Caller;
}

/**
 * A request's context. This subgraph accepts its own partnership's tokens and the county's (for
 * reading the audit trail). `published`: the process's figures, kept across requests per revision.
 */
export function requestContext(
  partnership: PartnershipEntry,
  db: CspDatabase,
  authorization: string | undefined,
  published?: PublishedStatistics,
): CspRequestContext {
  let caller: Caller | undefined;
  return {
    partnership,
    loaders: createLoaders(db, published),
    db,
    caller: () => (caller ??= identifyCaller(db, authorization, [partnership.code, COUNTY_SCOPE])),
  };
}
