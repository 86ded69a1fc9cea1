import { partnerships } from "@csg/schema";
import type { SheetRow } from "../files/sheet-row";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place } from "./problems";

interface LookupRow {
  ladCode: string;
  ladName: string;
  cspCode: string;
  cspName: string;
  force: string;
}

/**
 * The ONS Local Authority District to CSP to PFA lookup: each CSP's ONS code, name and police
 * force area, and the districts it is made of. CSPs are matched by code, then by name; a
 * district's CSP and a CSP's name or force are updated to this edition, and said so. The
 * federation's partnerships are tied to their CSPs through their districts' ONS codes.
 */
export class OnsLookupImporter implements LayoutImporter {
  readonly unknownNames = { what: "names", hint: "" };
  private readonly rows: (LookupRow & { sheet: string; row: number })[] = [];
  private sheet = "";

  constructor(
    private readonly context: ImportContext,
    private readonly columns: Record<string, number>,
  ) {}

  preamble(): void {}
  sheetEnded(sheet: string): void {
    this.sheet = sheet;
  }

  row(row: SheetRow): void {
    const { problems, fileName } = this.context;
    const cell = (name: string) => (row.cells[this.columns[name]] ?? "").trim();
    const value: LookupRow = { ladCode: cell("ladCode"), ladName: cell("ladName"), cspCode: cell("cspCode"), cspName: cell("cspName"), force: cell("force") };
    let ok = true;
    const fail = (column: string, message: string) => {
      problems.add(`${place(fileName, row, column)}: ${message}`);
      ok = false;
    };
    if (!/^[EW]0[6-9]\d{6}$/.test(value.ladCode)) fail("LAD code", `expected a district's ONS code (E06/E07/E08/E09/W06...), got "${value.ladCode}"`);
    if (!/^[EW]22\d{6}$/.test(value.cspCode)) fail("CSP code", `expected a CSP's ONS code (E22... or W22...), got "${value.cspCode}"`);
    for (const [column, text] of [["LAD name", value.ladName], ["CSP name", value.cspName], ["PFA name", value.force]]) {
      if (text === "") fail(column, "is empty");
    }
    if (ok) this.rows.push({ ...value, sheet: row.sheet, row: row.row });
  }

  finish(): ImportOutcome {
    const { sqlite, fileName } = this.context;
    const summary = [`ONS district-to-CSP lookup ${fileName}: ${this.rows.length} districts`];
    const locator = this.sheet || fileName;
    const byCode = sqlite.prepare("select id, name, ons_code as onsCode, police_force as force from areas where kind = 'CSP' and ons_code = ?");
    const byName = sqlite.prepare("select id, name, ons_code as onsCode, police_force as force from areas where kind = 'CSP' and name = ?");
    const insertArea = sqlite.prepare("insert into areas (kind, name, ons_code, police_force, partnership, source_document, source_locator) values ('CSP', ?, ?, ?, null, ?, ?) returning id");
    const updateArea = sqlite.prepare("update areas set name = ?, ons_code = ?, police_force = ?, source_document = ?, source_locator = ? where id = ?");
    const heldDistrict = sqlite.prepare("select lad_name as ladName, area_id as areaId from districts where lad_code = ?");
    const upsertDistrict = sqlite.prepare(
      "insert into districts (lad_code, lad_name, area_id, source_document, source_locator) values (?, ?, ?, ?, ?) on conflict (lad_code) do update set lad_name = excluded.lad_name, area_id = excluded.area_id, source_document = excluded.source_document, source_locator = excluded.source_locator",
    );
    const changes: string[] = [];
    let added = 0;
    const seen = new Map<string, number>();
    for (const r of this.rows) {
      let areaId = seen.get(r.cspCode);
      if (areaId === undefined) {
        const held = (byCode.get(r.cspCode) ?? byName.get(r.cspName)) as { id: number; name: string; onsCode: string | null; force: string } | undefined;
        if (!held) {
          areaId = (insertArea.get(r.cspName, r.cspCode, r.force, fileName, locator) as { id: number }).id;
          added++;
        } else {
          areaId = held.id;
          if (held.name !== r.cspName || held.onsCode !== r.cspCode || held.force !== r.force) {
            changes.push(`CSP ${held.name} (${held.onsCode ?? "no code"}, ${held.force}) -> ${r.cspName} (${r.cspCode}, ${r.force})`);
            updateArea.run(r.cspName, r.cspCode, r.force, fileName, locator, held.id);
          }
        }
        seen.set(r.cspCode, areaId);
      }
      const district = heldDistrict.get(r.ladCode) as { ladName: string; areaId: number } | undefined;
      if (!district) added++;
      else if (district.ladName !== r.ladName || district.areaId !== areaId) changes.push(`district ${r.ladCode} ${district.ladName} -> ${r.ladName}, in ${r.cspName}`);
      if (!district || district.ladName !== r.ladName || district.areaId !== areaId) upsertDistrict.run(r.ladCode, r.ladName, areaId, fileName, locator);
    }
    // The federation's partnerships: the CSP whose districts are the registry's.
    for (const entry of partnerships) {
      for (const d of entry.districts) {
        const district = heldDistrict.get(d.onsCode) as { areaId: number } | undefined;
        if (district) sqlite.prepare("update areas set partnership = ? where id = ? and partnership is not ?").run(entry.code, district.areaId, entry.code);
      }
    }
    const changed = added > 0 || changes.length > 0;
    summary.push(changed ? `  ${added} CSPs and districts added, ${changes.length} changed` : "Nothing changes: every CSP and district is held as in this file.");
    for (const c of changes.slice(0, 20)) summary.push(`    ${c}`);
    return { summary, changed, rows: this.rows.length, edition: null };
  }
}
