import { parsePublicId, publicId as publicIdOf } from "@csg/schema";
import { quoted } from "@csg/service-runtime";
import type { Checker } from "../validation/checker";

/** A local id from printed words: lower-case kebab-case, like the datasets' ids. */
export function slugOf(text: string, max = 60): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug || "item";
}

/** `base`, or `base-2`, `base-3` ... whichever is not taken. Ids are never reused. */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The local id within a public id (`charnwood:2019-20-p1` -> `2019-20-p1`, `county:statistic-3` -> `statistic-3`). A public id of
 * another owner fails: a subgraph holds only its own partnership's (or the county's) data.
 */
export function localIdOf(
  partnershipCode: string,
  publicId: string,
  check: Checker,
  place: string,
  what: string,
): string | undefined {
  const parts = parsePublicId(publicId);
  if (parts?.owner !== partnershipCode) {
    check.fail(
      place,
      `${quoted(publicId)} is not the id of a ${what} of ${partnershipCode} (ids read "${publicIdOf(partnershipCode, "<id>")}")`,
    );
    return undefined;
  }
  return parts.local;
}
