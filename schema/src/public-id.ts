/**
 * Public ids, as the API serves them: the owner's code (a partnership's, or "county"), a
 * colon, the owner's local id (`charnwood:2019-20-p1`); a figure's local id is
 * `statistic-<n>` (`melton:statistic-12`, `county:statistic-3`). Ids are unique across the
 * federation because the owner is part of them. This module is the one place the format is
 * written; it lives with the contract because every subgraph serves and reads these ids.
 */

/** A local id a writer chooses (plans, priorities, funding lines): lower-case kebab-case, like the datasets' ids. */
export const LOCAL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An owner's code within a figure's id: at most 60 characters. */
const OWNER = /^[a-z0-9-]{1,60}$/;

/** A figure's local id: at most 15 digits, so its number is an exact JavaScript number. */
const STATISTIC_LOCAL = /^statistic-(\d{1,15})$/;

/** The public id of `owner`'s record `local`. */
export function publicId(owner: string, local: string | number): string {
  return `${owner}:${local}`;
}

/** The public id of `owner`'s figure number `n` (`melton:statistic-12`). */
export function statisticId(owner: string, n: number): string {
  return publicId(owner, `statistic-${n}`);
}

/** A public id's parts, split at its first colon; undefined without a colon or with nothing on either side of it. */
export function parsePublicId(id: string): { owner: string; local: string } | undefined {
  const colon = id.indexOf(":");
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { owner: id.slice(0, colon), local: id.slice(colon + 1) };
}

/** The figure number in a figure's local id (`statistic-12` -> 12); undefined for any other local id. */
export function statisticNumber(local: string): number | undefined {
  const match = STATISTIC_LOCAL.exec(local);
  return match ? Number(match[1]) : undefined;
}

/** A figure's public id's owner and number; undefined for anything else. */
export function parseStatisticId(id: string): { owner: string; n: number } | undefined {
  const parts = parsePublicId(id);
  if (!parts || !OWNER.test(parts.owner)) return undefined;
  const n = statisticNumber(parts.local);
  return n === undefined ? undefined : { owner: parts.owner, n };
}
