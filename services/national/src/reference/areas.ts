import type Database from "better-sqlite3";
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

/**
 * Finds the area a Home Office row names: a known CSP (by its ONS name or the Home Office's
 * alias), an `Unassigned <Force>` row or a known non-CSP row (created on first sight: they
 * are kept as such, never given to a partnership), or nothing (an unknown name).
 */
export class AreaNames {
  private readonly byName = new Map<string, AreaRow>();

  constructor(private readonly sqlite: Database.Database) {
    const rows = sqlite
      .prepare("select id, kind, name, ons_code as onsCode, police_force as policeForce, partnership from areas")
      .all() as AreaRow[];
    for (const row of rows) this.byName.set(row.name, row);
  }

  resolve(homeOfficeName: string, policeForce: string, source: { document: string; locator: string }): AreaRow | null {
    const name = homeOfficeName.trim();
    const known = this.byName.get(onsNameOf(name)) ?? this.byName.get(name);
    if (known) return known;
    const force = unassignedForce(name);
    const other = notACsp(name);
    if (force === null && !other) return null;
    const kind: AreaKind = force !== null ? "UNASSIGNED" : "NOT_A_CSP";
    const row = this.sqlite
      .prepare(
        "insert into areas (kind, name, ons_code, police_force, partnership, source_document, source_locator) values (?, ?, null, ?, null, ?, ?) returning id",
      )
      .get(kind, name, force ?? other?.policeForce ?? policeForce, source.document, source.locator) as { id: number };
    const area: AreaRow = { id: row.id, kind, name, onsCode: null, policeForce: force ?? policeForce, partnership: null };
    this.byName.set(name, area);
    return area;
  }
}
