import type { SheetRow } from "../files/sheet-row";
import { nameKey } from "../reference/area-names";
import { linkPartnerships, linkPoliceUkDistricts } from "../reference/district-areas";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place } from "./problems";

interface LookupRow {
  ladCode: string;
  ladName: string;
  cspCode: string;
  cspName: string;
  force: string;
  sheet: string;
  row: number;
}

interface HeldArea {
  id: number;
  name: string;
  onsCode: string | null;
  force: string;
  onsEdition: number | null;
}

/** A GSS code: a letter for the country, two digits for the kind of area (`E22`, `W14`, `E06` ...), six more. */
const GSS_CODE = /^[EWSNK]\d{8}$/;
const LISTED = 20;

/**
 * The ONS Local Authority District to CSP to PFA lookup, one edition (the year of its column
 * names: `LAD17CD` -> 2017): the (district, CSP) pairs of that edition, held as a relation
 * (since the reorganisations one district can appear under several CSPs). CSPs are matched by
 * code, then by name; a CSP's name, code and force follow the newest edition that names it.
 * Re-importing the same file changes nothing.
 */
export class OnsLookupImporter implements LayoutImporter {
  readonly unknownNames = { what: "names", hint: "" };
  private readonly rows: LookupRow[] = [];
  private readonly pairs = new Set<string>();
  private readonly edition: number;
  private sheet = "";

  constructor(
    private readonly context: ImportContext,
    private columns: Record<string, number>,
  ) {
    this.edition = columns.edition;
  }

  preamble(): void {}
  sheetHeader(_sheet: string, columns: Record<string, number>): void {
    this.columns = columns;
  }
  sheetEnded(sheet: string, hadHeader: boolean): void {
    if (hadHeader) this.sheet = sheet;
  }

  row(row: SheetRow): void {
    const { problems, fileName } = this.context;
    const cell = (name: string) => (row.cells[this.columns[name]] ?? "").trim();
    const value: LookupRow = {
      ladCode: cell("ladCode"),
      ladName: cell("ladName"),
      cspCode: cell("cspCode"),
      cspName: cell("cspName"),
      force: cell("force"),
      sheet: row.sheet,
      row: row.row,
    };
    let ok = true;
    const fail = (column: string, message: string) => {
      problems.add(`${place(fileName, row, column)}: ${message}`);
      ok = false;
    };
    const yy = String(this.edition).slice(2);
    if (!GSS_CODE.test(value.ladCode))
      fail(`LAD${yy}CD`, `expected a district's ONS code such as E07000130, got "${value.ladCode}"`);
    if (!GSS_CODE.test(value.cspCode))
      fail(`CSP${yy}CD`, `expected a CSP's ONS code such as E22000165 or W14000001, got "${value.cspCode}"`);
    for (const [column, text] of [
      [`LAD${yy}NM`, value.ladName],
      [`CSP${yy}NM`, value.cspName],
      [`PFA${yy}NM`, value.force],
    ]) {
      if (text === "") fail(column, "is empty");
    }
    const pair = `${value.ladCode}\u0000${value.cspCode}`;
    if (ok && this.pairs.has(pair))
      fail(`CSP${yy}CD`, `district ${value.ladCode} is paired with CSP ${value.cspCode} twice`);
    if (!ok) return;
    this.pairs.add(pair);
    this.rows.push(value);
  }

  finish(): ImportOutcome {
    const { sqlite, fileName } = this.context;
    const edition = this.edition;
    const locator = this.sheet === "CSV" ? `${this.edition} edition` : `${this.sheet}, ${this.edition} edition`;
    const heldAreas = sqlite
      .prepare(
        "select id, name, ons_code as onsCode, police_force as force, ons_edition as onsEdition from areas where kind = 'CSP'",
      )
      .all() as HeldArea[];
    const byCode = new Map(heldAreas.filter((a) => a.onsCode).map((a) => [a.onsCode!, a]));
    const byName = new Map<string, HeldArea>();
    for (const a of heldAreas) if (!byName.has(nameKey(a.name))) byName.set(nameKey(a.name), a);
    const insertArea = sqlite.prepare(
      "insert into areas (kind, name, ons_code, police_force, partnership, source_document, source_locator, ons_edition) values ('CSP', ?, ?, ?, null, ?, ?, ?) returning id",
    );
    const updateArea = sqlite.prepare(
      "update areas set name = ?, ons_code = ?, police_force = ?, ons_edition = ?, source_document = ?, source_locator = ? where id = ?",
    );
    const nameTaken = sqlite.prepare("select id from areas where name = ? and id <> ?");
    const changes: string[] = [];
    let cspsAdded = 0;
    const areaOf = new Map<string, number>();
    for (const r of this.rows) {
      if (areaOf.has(r.cspCode)) continue;
      const held = byCode.get(r.cspCode) ?? byName.get(nameKey(r.cspName));
      if (!held) {
        const { id } = insertArea.get(r.cspName, r.cspCode, r.force, fileName, locator, edition) as { id: number };
        areaOf.set(r.cspCode, id);
        cspsAdded++;
        continue;
      }
      areaOf.set(r.cspCode, held.id);
      // An older edition never renames a CSP a newer one named.
      if (held.onsEdition !== null && held.onsEdition > edition) continue;
      const differs =
        held.name !== r.cspName || held.onsCode !== r.cspCode || held.force !== r.force || held.onsEdition !== edition;
      if (!differs) continue;
      const name = nameTaken.get(r.cspName, held.id) ? held.name : r.cspName;
      if (held.name !== r.cspName || held.onsCode !== r.cspCode || held.force !== r.force) {
        changes.push(
          `CSP ${held.name} (${held.onsCode ?? "no code"}, ${held.force}) -> ${name} (${r.cspCode}, ${r.force})`,
        );
      }
      updateArea.run(name, r.cspCode, r.force, edition, fileName, locator, held.id);
    }

    // The edition's pairs: staged, compared with those held for the same edition, replaced.
    sqlite.exec(`drop table if exists temp.staged_districts;
      create temp table staged_districts (lad_code text not null, lad_name text not null, area_id integer not null, primary key (lad_code, area_id)) without rowid;`);
    const stage = sqlite.prepare("insert or ignore into staged_districts values (?, ?, ?)");
    for (const r of this.rows) stage.run(r.ladCode, r.ladName, areaOf.get(r.cspCode)!);
    const count = (sql: string) => (sqlite.prepare(sql).get(edition) as { n: number }).n;
    const added = count(
      "select count(*) as n from staged_districts s where not exists (select 1 from districts d where d.edition = ? and d.lad_code = s.lad_code and d.area_id = s.area_id)",
    );
    const removed = count(
      "select count(*) as n from districts d where d.edition = ? and not exists (select 1 from staged_districts s where s.lad_code = d.lad_code and s.area_id = d.area_id)",
    );
    const renamed = count(
      "select count(*) as n from staged_districts s join districts d on d.edition = ? and d.lad_code = s.lad_code and d.area_id = s.area_id where d.lad_name <> s.lad_name",
    );
    const split = sqlite
      .prepare(
        "select lad_code as code, min(lad_name) as name, count(*) as csps from staged_districts group by lad_code having count(*) > 1 order by lad_code",
      )
      .all() as { code: string; name: string; csps: number }[];
    const changed = cspsAdded > 0 || changes.length > 0 || added + removed + renamed > 0;
    const csps = new Set(this.rows.map((r) => r.cspCode)).size;
    const districts = new Set(this.rows.map((r) => r.ladCode)).size;
    const summary = [
      `ONS district-to-CSP lookup ${fileName} (${edition} edition): ${this.rows.length} rows, ${districts} districts, ${csps} CSPs`,
    ];
    if (split.length > 0) {
      summary.push(
        `  ${split.length} districts appear under several CSPs (each of those CSPs covers part of the district, so its population is unavailable): ${split
          .slice(0, LISTED)
          .map((s) => `${s.name} (${s.csps})`)
          .join(", ")}${split.length > LISTED ? ", ..." : ""}`,
      );
    }
    if (!changed) {
      summary.push("Nothing changes: every CSP and district pair is held as in this file.");
      sqlite.exec("drop table temp.staged_districts");
      return { summary, changed, rows: this.rows.length, edition: String(edition) };
    }
    summary.push(
      `  ${cspsAdded} CSPs added, ${changes.length} renamed or moved; district pairs of the ${edition} edition: ${added} added, ${removed} removed, ${renamed} renamed`,
    );
    for (const c of changes.slice(0, LISTED)) summary.push(`    ${c}`);
    if (changes.length > LISTED) summary.push(`    ... and ${changes.length - LISTED} more`);
    sqlite
      .prepare(
        "delete from districts where edition = ? and not exists (select 1 from staged_districts s where s.lad_code = districts.lad_code and s.area_id = districts.area_id)",
      )
      .run(edition);
    sqlite
      .prepare(
        `insert into districts (edition, lad_code, lad_name, area_id, source_document, source_locator)
         select ?, lad_code, lad_name, area_id, ?, ? from staged_districts where true
         on conflict (edition, lad_code, area_id) do update set lad_name = excluded.lad_name, source_document = excluded.source_document, source_locator = excluded.source_locator
         where districts.lad_name <> excluded.lad_name`,
      )
      .run(edition, fileName, locator);
    sqlite.exec("drop table temp.staged_districts");
    linkPartnerships(sqlite);
    linkPoliceUkDistricts(sqlite);
    return { summary, changed, rows: this.rows.length, edition: String(edition) };
  }
}
