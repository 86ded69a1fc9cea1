import type Database from "better-sqlite3";
import { nameKey } from "./area-names";
import { notACsp, onsNameOf, unassignedForce } from "./home-office-names";

export type AreaKind = "CSP" | "UNASSIGNED" | "NOT_A_CSP";

export interface AreaRow {
  id: number;
  kind: AreaKind;
  name: string;
  onsCode: string | null;
  policeForce: string;
  partnership: string | null;
}

/** A CSP name no lookup held knows, imported as a CSP of its force: listed in the import's report. */
export interface NewCsp {
  name: string;
  policeForce: string;
  where: string;
  rows: number;
}

/**
 * Finds the area a Home Office row names: a known area (by its name, whatever the case,
 * punctuation or the Home Office's alias), an `Unassigned <Force>` row or a known non-CSP row
 * (kept as such, never given to a partnership), or else a CSP of the row's force that no
 * lookup held names yet (CSPs merge and are renamed over the years): created with no code and
 * no population until a lookup names it, and listed, never refused.
 */
/** New CSP names one file may bring: England and Wales have about 300 CSPs, and every edition since 2002 fewer than 400. */
export const MAX_NEW_CSPS = 2_000;

export class AreaNames {
  private readonly byKey = new Map<string, AreaRow>();
  readonly added = new Map<string, NewCsp>();

  constructor(private readonly sqlite: Database.Database) {
    const rows = sqlite
      .prepare(
        "select id, kind, name, ons_code as onsCode, police_force as policeForce, partnership from areas order by id",
      )
      .all() as AreaRow[];
    for (const row of rows) if (!this.byKey.has(nameKey(row.name))) this.byKey.set(nameKey(row.name), row);
  }

  /** The area, or null when the file has named more new CSPs than any edition has (it is not a table by CSP). */
  resolve(
    homeOfficeName: string,
    policeForce: string,
    source: { document: string; locator: string; where: string },
  ): AreaRow | null {
    const name = homeOfficeName.trim().replace(/\s+/g, " ");
    const known = this.byKey.get(nameKey(onsNameOf(name))) ?? this.byKey.get(nameKey(name));
    if (known) {
      const added = this.added.get(known.name);
      if (added) added.rows++;
      return known;
    }
    const force = unassignedForce(name);
    const other = notACsp(name);
    const kind: AreaKind = force !== null ? "UNASSIGNED" : other ? "NOT_A_CSP" : "CSP";
    if (this.added.size >= MAX_NEW_CSPS) return null;
    const areaForce = force ?? other?.policeForce ?? policeForce;
    const row = this.sqlite
      .prepare(
        "insert into areas (kind, name, ons_code, police_force, partnership, source_document, source_locator) values (?, ?, null, ?, null, ?, ?) returning id",
      )
      .get(kind, name, areaForce, source.document, source.locator) as { id: number };
    const area: AreaRow = { id: row.id, kind, name, onsCode: null, policeForce: areaForce, partnership: null };
    this.byKey.set(nameKey(name), area);
    if (kind === "CSP") this.added.set(name, { name, policeForce: areaForce, where: source.where, rows: 1 });
    return area;
  }
}
