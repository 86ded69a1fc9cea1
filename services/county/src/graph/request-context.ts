import { COUNTY_SCOPE, type Caller, identifyCaller } from "@csg/service-runtime";
import type { CountyDatabase } from "../db/database";
import type { PartnershipReader } from "../partnership-client/reader";
import { type CountyContext, createCountyLoaders } from "./loaders";

/** What the county's writes and its audit trail see besides the loaders: the database and who is asking. */
export interface CountyRequestContext extends CountyContext {
  db: CountyDatabase;
  /** Identified from the Authorization header on first use. The county subgraph accepts county tokens only. */
  caller(): Caller;
}

export function countyRequestContext(
  db: CountyDatabase,
  authorization: string | undefined,
  partnerships: PartnershipReader,
): CountyRequestContext {
  let caller: Caller | undefined;
  return {
    loaders: createCountyLoaders(db),
    partnerships,
    db,
    caller: () => (caller ??= identifyCaller(db, authorization, [COUNTY_SCOPE])),
  };
}
