import type Database from "better-sqlite3";
import type { SheetRow } from "../files/sheet-row";
import { AreaNames } from "../reference/areas";
import { editionFromFileName, editionFromNotes } from "./edition";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place, wholeCount } from "./problems";

/** Sheets that hold no figures in a Home Office table; any other sheet without the header is a problem. */
const FRONT_SHEETS = /^(cover|notes|contents)/i;
const EXAMPLES = 10;

interface QuarterChange {
  financial_year: string;
  quarter: number;
  staged: number;
  added: number;
  changed: number;
  removed: number;
  held_by: string | null;
  held_edition: string | null;
}

/**
 * A Home Office police recorded crime table by CSP: one row per CSP, quarter and offence code.
 * Rows are staged in a temporary table as they stream in; the comparison with what is held
 * and the replacement of the quarters the file covers are set operations in SQLite, so memory
 * does not grow with the file.
 */
export class HomeOfficeTableImporter implements LayoutImporter {
  readonly unknownNames = {
    what: "CSP names",
    hint: "not in the ONS district-to-CSP lookup held, nor in the Home Office spellings of services/national/dataset/home-office-names.json: import the lookup (pnpm national:import --file LAD24_CSP24_PFA24_EW_LU.csv) or add the spelling",
  };
  private readonly areas: AreaNames;
  private readonly stage: Database.Statement;
  private readonly sheets: string[] = [];
  private readonly frontSheets: string[] = [];
  private notesEdition: string | null = null;
  private rows = 0;

  constructor(
    private readonly context: ImportContext,
    private readonly columns: Record<string, number>,
  ) {
    this.areas = new AreaNames(context.sqlite);
    context.sqlite.exec(`
      drop table if exists temp.staged_offence_counts;
      create temp table staged_offence_counts (
        financial_year text not null, quarter integer not null, area_id integer not null, offence_code text not null,
        offence_description text not null, offence_group text not null, offence_subgroup text not null,
        count integer not null, sheet text not null, row integer not null,
        primary key (financial_year, quarter, area_id, offence_code)
      ) without rowid;`);
    this.stage = context.sqlite.prepare("insert into staged_offence_counts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  preamble(row: SheetRow): void {
    this.notesEdition ??= editionFromNotes(row.cells.join(" "));
  }

  sheetEnded(sheet: string, hadHeader: boolean): void {
    if (hadHeader) this.sheets.push(sheet);
    else if (FRONT_SHEETS.test(sheet)) this.frontSheets.push(sheet);
    else this.context.problems.add(`${this.context.fileName}: sheet "${sheet}" has no header row (Financial Year, Financial Quarter, ...); every sheet but the cover and notes must hold figures`);
  }

  row(row: SheetRow): void {
    const { problems, fileName } = this.context;
    const cell = (name: string) => (row.cells[this.columns[name]] ?? "").trim();
    let ok = true;
    const fail = (column: string, message: string) => {
      problems.add(`${place(fileName, row, column)}: ${message}`);
      ok = false;
    };

    const year = cell("Financial Year");
    const yearMatch = /^(\d{4})\/(\d{2})$/.exec(year);
    if (!yearMatch || (Number(yearMatch[1]) + 1) % 100 !== Number(yearMatch[2])) fail("Financial Year", `expected a financial year like 2019/20, got "${year}"`);
    else {
      const sheetYear = /^(\d{4})_(\d{2})$/.exec(row.sheet);
      if (sheetYear && `${sheetYear[1]}/${sheetYear[2]}` !== year) fail("Financial Year", `${year} on the sheet of ${sheetYear[1]}/${sheetYear[2]}`);
    }
    const quarterText = cell("Financial Quarter");
    const quarter = Number(quarterText);
    if (!/^[1-4](\.0+)?$/.test(quarterText)) fail("Financial Quarter", `expected 1, 2, 3 or 4, got "${quarterText}"`);
    const force = cell("Police Force");
    if (force === "") fail("Police Force", "is empty");
    const cspName = cell("CSP Name");
    let areaId = 0;
    if (cspName === "") fail("CSP Name", "is empty");
    else {
      const area = this.areas.resolve(cspName, force, { document: fileName, locator: row.sheet });
      if (area) areaId = area.id;
      else {
        problems.unknown(cspName, place(fileName, row, "CSP Name"));
        ok = false;
      }
    }
    for (const column of ["Offence Description", "Offence Group", "Offence Subgroup", "Offence Code"]) if (cell(column) === "") fail(column, "is empty");
    const count = wholeCount(cell("Offence Count"));
    if ("problem" in count) fail("Offence Count", count.problem);
    // After the first problem the file is refused: rows are still checked (to list problems), not staged.
    if (!ok || problems.any) return;
    try {
      this.stage.run(
        year, quarter, areaId, cell("Offence Code"), cell("Offence Description"), cell("Offence Group"), cell("Offence Subgroup"),
        (count as { count: number }).count, row.sheet, row.row,
      );
      this.rows++;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw error;
      const first = this.context.sqlite
        .prepare("select sheet, row from staged_offence_counts where financial_year = ? and quarter = ? and area_id = ? and offence_code = ?")
        .get(year, quarter, areaId, cell("Offence Code")) as { sheet: string; row: number };
      fail("Offence Code", `a second row for ${cspName}, ${year} Q${quarter}, offence code ${cell("Offence Code")} (the first is sheet "${first.sheet}", row ${first.row})`);
    }
  }

  finish(): ImportOutcome {
    const { sqlite, fileName, documentId, problems } = this.context;
    const edition = this.notesEdition ?? editionFromFileName(fileName);
    const quarters = sqlite
      .prepare(
        `with covered as (select financial_year, quarter, count(*) as staged from staged_offence_counts group by financial_year, quarter)
         select c.financial_year, c.quarter, c.staged,
           (select count(*) from staged_offence_counts s where s.financial_year = c.financial_year and s.quarter = c.quarter
              and not exists (select 1 from offence_counts o where o.financial_year = s.financial_year and o.quarter = s.quarter and o.area_id = s.area_id and o.offence_code = s.offence_code)) as added,
           (select count(*) from staged_offence_counts s join offence_counts o using (financial_year, quarter, area_id, offence_code)
              where s.financial_year = c.financial_year and s.quarter = c.quarter
                and (o.count <> s.count or o.offence_description <> s.offence_description or o.offence_group <> s.offence_group or o.offence_subgroup <> s.offence_subgroup)) as changed,
           (select count(*) from offence_counts o where o.financial_year = c.financial_year and o.quarter = c.quarter
              and not exists (select 1 from staged_offence_counts s where s.financial_year = o.financial_year and s.quarter = o.quarter and s.area_id = o.area_id and s.offence_code = o.offence_code)) as removed,
           (select group_concat(distinct d.file_name) from offence_counts o join documents d on d.id = o.document_id where o.financial_year = c.financial_year and o.quarter = c.quarter) as held_by,
           (select max(d.edition) from offence_counts o join documents d on d.id = o.document_id where o.financial_year = c.financial_year and o.quarter = c.quarter) as held_edition
         from covered c order by c.financial_year, c.quarter`,
      )
      .all() as QuarterChange[];
    const describe = `Home Office CSP table ${fileName}${edition ? ` (edition ${edition})` : ""}`;
    const summary = [`${describe}: ${this.rows} rows in ${this.sheets.length} sheet${this.sheets.length === 1 ? "" : "s"} (${this.sheets.join(", ")})${this.frontSheets.length ? `; no figures in ${this.frontSheets.join(", ")}` : ""}`];
    for (const q of quarters) {
      if (q.held_edition && edition && q.held_edition > edition) {
        problems.add(`${fileName}: ${q.financial_year} Q${q.quarter} is held from a newer edition (${q.held_edition}, ${q.held_by}) than this file's (${edition}); import the newer edition, not the older one`);
      }
    }
    if (problems.any) return { summary, changed: false, rows: this.rows, edition };
    const changedQuarters = quarters.filter((q) => q.added + q.changed + q.removed > 0);
    for (const q of quarters) {
      const label = `  ${q.financial_year} Q${q.quarter}:`;
      if (!q.held_by) summary.push(`${label} new, ${q.staged} counts`);
      else if (q.added + q.changed + q.removed === 0) summary.push(`${label} unchanged (${q.staged} counts, as held from ${q.held_by})`);
      else summary.push(`${label} replaces ${q.held_by}: ${q.changed} counts changed, ${q.added} added, ${q.removed} removed`);
    }
    const examples = sqlite
      .prepare(
        `select a.name, s.financial_year, s.quarter, s.offence_code, o.count as before, s.count as after
         from staged_offence_counts s join offence_counts o using (financial_year, quarter, area_id, offence_code) join areas a on a.id = s.area_id
         where o.count <> s.count order by s.financial_year, s.quarter, a.name, s.offence_code limit ${EXAMPLES}`,
      )
      .all() as { name: string; financial_year: string; quarter: number; offence_code: string; before: number; after: number }[];
    for (const e of examples) summary.push(`    ${e.name}, ${e.financial_year} Q${e.quarter}, offence ${e.offence_code}: ${e.before} -> ${e.after}`);
    if (changedQuarters.length === 0) {
      summary.push("Nothing changes: every quarter in the file is held with the same figures.");
      return { summary, changed: false, rows: this.rows, edition };
    }
    // Replace every quarter the file covers: the newer edition is the source of each.
    sqlite.exec(`
      create temp table covered_quarters as select distinct financial_year, quarter from staged_offence_counts;
      delete from offence_counts where (financial_year, quarter) in (select financial_year, quarter from covered_quarters);
      delete from subgroup_totals where (financial_year, quarter) in (select financial_year, quarter from covered_quarters);
      delete from quarter_sources where (financial_year, quarter) in (select financial_year, quarter from covered_quarters);`);
    sqlite
      .prepare("insert into quarter_sources (financial_year, quarter, document_id, sheet) select distinct financial_year, quarter, ?, sheet from staged_offence_counts")
      .run(documentId);
    sqlite
      .prepare(
        `insert into offence_counts (area_id, financial_year, quarter, offence_code, offence_description, offence_group, offence_subgroup, count, document_id, sheet)
         select area_id, financial_year, quarter, offence_code, offence_description, offence_group, offence_subgroup, count, ?, sheet from staged_offence_counts`,
      )
      .run(documentId);
    sqlite.exec(`
      insert into subgroup_totals (financial_year, quarter, area_id, offence_group, offence_subgroup, count)
        select financial_year, quarter, area_id, offence_group, offence_subgroup, sum(count) from staged_offence_counts
        group by financial_year, quarter, area_id, offence_group, offence_subgroup;
      drop table temp.covered_quarters;
      drop table temp.staged_offence_counts;`);
    // Documents whose every figure has been replaced stay on record (what was imported when).
    return { summary, changed: true, rows: this.rows, edition };
  }
}
