/**
 * Which CSP a district belongs to, read from the lookups held: the newest edition that names
 * the district. Where that edition lists the district under several CSPs, it belongs to none
 * of them alone (each covers part of it): police.uk rows there are counted by district only.
 */
import { partnerships } from "@csg/schema";
import type Database from "better-sqlite3";
import { nameKey } from "./area-names";

export interface DistrictPlace {
  /** The CSP the district is in; null when the newest edition splits it between several. */
  areaId: number | null;
  edition: number;
  csps: number;
}

/** Districts by name (nameKey), each placed by the newest lookup edition that names it. */
export function districtsByName(sqlite: Database.Database): Map<string, DistrictPlace> {
  const rows = sqlite
    .prepare("select edition, lad_name as name, area_id as areaId from districts order by edition desc")
    .all() as { edition: number; name: string; areaId: number }[];
  const places = new Map<string, DistrictPlace & { areas: Set<number> }>();
  for (const r of rows) {
    const key = nameKey(r.name);
    let place = places.get(key);
    if (!place) places.set(key, (place = { areaId: null, edition: r.edition, csps: 0, areas: new Set() }));
    if (place.edition === r.edition) place.areas.add(r.areaId);
  }
  const out = new Map<string, DistrictPlace>();
  for (const [key, p] of places)
    out.set(key, { areaId: p.areas.size === 1 ? [...p.areas][0] : null, edition: p.edition, csps: p.areas.size });
  return out;
}

/** The federation's partnerships tied to their CSPs through the registry's district codes (newest edition naming each). */
export function linkPartnerships(sqlite: Database.Database): void {
  const areasOf = sqlite.prepare(
    "select area_id as areaId from districts where lad_code = ? and edition = (select max(edition) from districts where lad_code = ?)",
  );
  const clear = sqlite.prepare("update areas set partnership = null where partnership = ? and id <> ?");
  const set = sqlite.prepare("update areas set partnership = ? where id = ? and partnership is not ?");
  for (const entry of partnerships) {
    const found = new Set<number>();
    for (const d of entry.districts)
      for (const r of areasOf.all(d.onsCode, d.onsCode) as { areaId: number }[]) found.add(r.areaId);
    if (found.size !== 1) continue;
    const [areaId] = found;
    clear.run(entry.code, areaId);
    set.run(entry.code, areaId, entry.code);
  }
}

/** police.uk counts re-placed in the CSPs of their districts (after a lookup changed). */
export function linkPoliceUkDistricts(sqlite: Database.Database): void {
  const places = districtsByName(sqlite);
  const districts = sqlite
    .prepare("select distinct district from monthly_counts where district <> ''")
    .pluck()
    .all() as string[];
  const update = sqlite.prepare("update monthly_counts set area_id = ? where district = ? and area_id is not ?");
  for (const district of districts) {
    const areaId = places.get(nameKey(district))?.areaId ?? null;
    update.run(areaId, district, areaId);
  }
}
