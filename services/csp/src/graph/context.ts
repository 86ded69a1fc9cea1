import type { PartnershipEntry } from "@csg/schema";
import type { CspLoaders } from "./loaders";

/** What every resolver of a partnership subgraph sees for one request. */
export interface CspContext {
  partnership: PartnershipEntry;
  loaders: CspLoaders;
}

/** Public ids are unique across partnerships: the partnership's code, a colon, the local id. */
export function publicId(context: CspContext, localId: string | number): string {
  return `${context.partnership.code}:${localId}`;
}
