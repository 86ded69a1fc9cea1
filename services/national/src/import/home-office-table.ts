import type Database from "better-sqlite3";
import type { SheetRow } from "../files/sheet-row";
import { AreaNames, MAX_NEW_CSPS } from "../reference/areas";
import { editionFromFileName, editionFromNotes } from "./edition";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place, signedCount } from "./problems";
import { offenceLabel } from "../classification/offence-labels";

/** A financial year's sheet (`2015_16`, `2011-12`): it must hold the header; other sheets (cover, notes, contents) hold no figures. */
const YEAR_SHEET = /^\d{4}[_-]\d{2}$/;
const EXAMPLES = 10;
const LISTED_NEW = 50;

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
  readonly unknownNames = { what: "names", hint: "" };
  private readonly areas: AreaNames;
  private readonly stage: Database.Statement;
  private readonly sheets: string[] = [];
  private readonly frontSheets: string[] = [];
  private notesEdition: string | null = null;
  private rows = 0;
  private negative = { rows: 0, sum: 0 };
  /** Rows under a table that hold no figure (footnotes, sources): ignored, counted. */
  private notes = 0;

  constructor(
    private readonly context: ImportContext,
    private columns: Record<string, number>,
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

  sheetHeader(_sheet: string, columns: Record<string, number>): void {
    this.columns = columns;
  }

  sheetEnded(sheet: string, hadHeader: boolean): void {
    if (hadHeader) this.sheets.push(sheet);
    else if (!YEAR_SHEET.test(sheet.trim())) this.frontSheets.push(sheet);
    else
      this.context.problems.add(
        `${this.context.fileName}: sheet "${sheet}" has no header row (Financial Year, Financial Quarter, Force Name, CSP Name, ...); a financial year's sheet must hold its figures`,
      );
  }

  row(row: SheetRow): void {
    const { problems, fileName } = this.context;
    const cell = (name: string) => (row.cells[this.columns[name]] ?? "").trim();
    // A footnote or source line under the table: no CSP, quarter, offence or count.
    if (["CSP Name", "Financial Quarter", "Offence Code", "Offence Count"].every((c) => cell(c) === "")) {
      this.notes++;
      return;
    }
    let ok = true;
    const fail = (column: string, message: string) => {
      problems.add(`${place(fileName, row, column)}: ${message}`);
      ok = false;
    };

    const printedYear = cell("Financial Year");
    const yearMatch = /^(\d{4})\s*[/_-]\s*(\d{2})$/.exec(printedYear);
    const year = yearMatch ? `${yearMatch[1]}/${yearMatch[2]}` : printedYear;
    if (!yearMatch || (Number(yearMatch[1]) + 1) % 100 !== Number(yearMatch[2]))
      fail("Financial Year", `expected a financial year like 2019/20, got "${printedYear}"`);
    else {
      // Sheets are named `2015_16` in recent editions, `2011-12` in older ones.
      const sheetYear = /^(\d{4})[_-](\d{2})$/.exec(row.sheet.trim());
      if (sheetYear && `${sheetYear[1]}/${sheetYear[2]}` !== year)
        fail("Financial Year", `${year} on the sheet of ${sheetYear[1]}/${sheetYear[2]}`);
    }
    const quarterText = cell("Financial Quarter");
    const quarterMatch = /^q?([1-4])(\.0+)?$/i.exec(quarterText);
    if (!quarterMatch) fail("Financial Quarter", `expected 1, 2, 3 or 4, got "${quarterText}"`);
    const quarter = quarterMatch ? Number(quarterMatch[1]) : 0;
    const force = cell("Force Name");
    if (force === "") fail("Force Name", "is empty");
    const cspName = cell("CSP Name");
    let areaId = 0;
    if (cspName === "") fail("CSP Name", "is empty");
    else if (force !== "") {
      const area = this.areas.resolve(cspName, force, {
        document: fileName,
        locator: row.sheet,
        where: place(fileName, row, "CSP Name"),
      });
      if (area) areaId = area.id;
      else
        fail(
          "CSP Name",
          `"${cspName}" would be the CSP name number ${MAX_NEW_CSPS + 1} that no lookup names; England and Wales have about 300 CSPs, so this is not a table by CSP`,
        );
    }
    for (const column of ["Offence Description", "Offence Group", "Offence Subgroup", "Offence Code"])
      if (cell(column) === "") fail(column, "is empty");
    const count = signedCount(cell("Offence Count"));
    if ("problem" in count) fail("Offence Count", count.problem);
    // After the first problem the file is refused: rows are still checked (to list problems), not staged.
    if (!ok || problems.any) return;
    const value = (count as { count: number }).count;
    try {
      this.stage.run(
        year,
        quarter,
        areaId,
        cell("Offence Code"),
        cell("Offence Description"),
        offenceLabel(cell("Offence Group")),
        offenceLabel(cell("Offence Subgroup")),
        value,
        row.sheet,
        row.row,
      );
      this.rows++;
      if (value < 0) {
        this.negative.rows++;
        this.negative.sum += value;
      }
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_PRIMARYKEY") throw error;
      const first = this.context.sqlite
        .prepare(
          "select sheet, row from staged_offence_counts where financial_year = ? and quarter = ? and area_id = ? and offence_code = ?",
        )
        .get(year, quarter, areaId, cell("Offence Code")) as { sheet: string; row: number };
      fail(
        "Offence Code",
        `a second row for ${cspName}, ${year} Q${quarter}, offence code ${cell("Offence Code")} (the first is sheet "${first.sheet}", row ${first.row})`,
      );
    }
  }

  /** Lines of the report on what the file holds beyond its counts: negatives, notes, CSPs no lookup names. */
  private reportLines(): string[] {
    const lines: string[] = [];
    if (this.negative.rows > 0) {
      lines.push(
        `  ${this.negative.rows} negative counts (net of crimes cancelled after an earlier quarter recorded them; ${this.negative.sum} in all), kept and summed as published`,
      );
    }
    if (this.notes > 0) lines.push(`  ${this.notes} rows with no figure (footnotes, sources) ignored`);
    const added = [...this.areas.added.values()];
    if (added.length > 0) {
      lines.push(
        `  ${added.length} CSP names no lookup held names, imported as CSPs of their force (no ONS code and no population until a lookup names them):`,
      );
      for (const a of added.slice(0, LISTED_NEW))
        lines.push(`    ${a.name} (${a.policeForce}): first at ${a.where}; ${a.rows} rows`);
      if (added.length > LISTED_NEW) lines.push(`    ... and ${added.length - LISTED_NEW} more`);
    }
    return lines;
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
    const summary = [
      `${describe}: ${this.rows} rows in ${this.sheets.length} sheet${this.sheets.length === 1 ? "" : "s"} (${this.sheets.join(", ")})${this.frontSheets.length ? `; no figures in ${this.frontSheets.join(", ")}` : ""}`,
      ...this.reportLines(),
    ];
    for (const q of quarters) {
      if (q.held_edition && edition && q.held_edition > edition) {
        problems.add(
          `${fileName}: ${q.financial_year} Q${q.quarter} is held from a newer edition (${q.held_edition}, ${q.held_by}) than this file's (${edition}); import the newer edition, not the older one`,
        );
      }
    }
    if (problems.any) return { summary, changed: false, rows: this.rows, edition };
    const changedQuarters = quarters.filter((q) => q.added + q.changed + q.removed > 0);
    for (const q of quarters) {
      const label = `  ${q.financial_year} Q${q.quarter}:`;
      if (!q.held_by) summary.push(`${label} new, ${q.staged} counts`);
      else if (q.added + q.changed + q.removed === 0)
        summary.push(`${label} unchanged (${q.staged} counts, as held from ${q.held_by})`);
      else
        summary.push(
          `${label} replaces ${q.held_by}: ${q.changed} counts changed, ${q.added} added, ${q.removed} removed`,
        );
    }
    const examples = sqlite
      .prepare(
        `select a.name, s.financial_year, s.quarter, s.offence_code, o.count as before, s.count as after
         from staged_offence_counts s join offence_counts o using (financial_year, quarter, area_id, offence_code) join areas a on a.id = s.area_id
         where o.count <> s.count order by s.financial_year, s.quarter, a.name, s.offence_code limit ${EXAMPLES}`,
      )
      .all() as {
      name: string;
      financial_year: string;
      quarter: number;
      offence_code: string;
      before: number;
      after: number;
    }[];
    for (const e of examples)
      summary.push(
        `    ${e.name}, ${e.financial_year} Q${e.quarter}, offence ${e.offence_code}: ${e.before} -> ${e.after}`,
      );
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
      .prepare(
        "insert into quarter_sources (financial_year, quarter, document_id, sheet) select distinct financial_year, quarter, ?, sheet from staged_offence_counts",
      )
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
