import type { SheetRow } from "../files/sheet-row";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place, wholeCount } from "./problems";

/** The estimate's mid-year from a title (`... for local authorities in the UK, mid-2022`) or a file name. */
function yearIn(text: string): number | null {
  const match = /mid[-\s_]?(\d{4})/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** Rows above a sheet's header read for its title: the title is in the first few. */
const TITLE_ROWS = 30;

/**
 * ONS mid-year population estimates: the `MYE2 - Persons` sheet only (the Males and Females
 * sheets have the same header and would overwrite it), each area's `All ages` for the mid-year
 * the Persons sheet's own title names (never a year from another sheet: a "Related
 * publications" sheet names older ones). Notes and footnotes under the table are ignored.
 * A CSV (one table) is read as the Persons sheet.
 */
export class MidYearEstimatesImporter implements LayoutImporter {
  readonly unknownNames = { what: "names", hint: "" };
  private readonly rows: { code: string; population: number }[] = [];
  /** Title rows above the header, by sheet (only the Persons sheet's are used). */
  private readonly titles = new Map<string, string[]>();
  private personsSheet: string | null = null;
  private readonly otherSheets: string[] = [];
  private notes = 0;

  constructor(
    private readonly context: ImportContext,
    private columns: Record<string, number>,
  ) {}

  preamble(row: SheetRow): void {
    const lines = this.titles.get(row.sheet) ?? [];
    if (lines.length < TITLE_ROWS) lines.push(row.cells.join(" "));
    this.titles.set(row.sheet, lines);
  }

  private isPersons(sheet: string): boolean {
    return sheet === "CSV" || /persons/i.test(sheet);
  }

  sheetHeader(sheet: string, columns: Record<string, number>): void {
    if (!this.isPersons(sheet)) return void this.otherSheets.push(sheet);
    if (this.personsSheet !== null) {
      this.context.problems.add(
        `${this.context.fileName}: two Persons sheets ("${this.personsSheet}" and "${sheet}"); expected one MYE2 - Persons sheet`,
      );
    }
    this.personsSheet = sheet;
    this.columns = columns;
  }

  sheetEnded(): void {}

  row(row: SheetRow): void {
    if (row.sheet !== this.personsSheet) return;
    const { problems, fileName } = this.context;
    const code = (row.cells[this.columns.code] ?? "").trim();
    const allAges = (row.cells[this.columns.allAges] ?? "").trim();
    // A note or footnote under the table: no area code and no count.
    if (!/^[EWSNK]\d{8}$/.test(code) && allAges === "") {
      this.notes++;
      return;
    }
    if (!/^[EWSNK]\d{8}$/.test(code))
      return void problems.add(
        `${place(fileName, row, "Code")}: expected an ONS code such as E07000130, got "${code}"`,
      );
    const count = wholeCount(allAges);
    if ("problem" in count) return void problems.add(`${place(fileName, row, "All ages")}: ${count.problem}`);
    this.rows.push({ code, population: count.count });
  }

  finish(): ImportOutcome {
    const { sqlite, fileName, problems } = this.context;
    if (this.personsSheet === null) {
      problems.add(
        `${fileName}: no Persons sheet (MYE2 - Persons); the estimates' header is only in ${this.otherSheets.map((s) => `"${s}"`).join(", ")}, and rates use Persons only`,
      );
      return { summary: [], changed: false, rows: 0, edition: null };
    }
    const title = (this.titles.get(this.personsSheet) ?? []).join(" ");
    const year = yearIn(title) ?? yearIn(fileName);
    if (year === null) {
      problems.add(
        `${fileName}: sheet "${this.personsSheet}": cannot tell the estimates' mid-year: no "mid-YYYY" in the sheet's title rows above the header, nor in the file name`,
      );
      return { summary: [], changed: false, rows: 0, edition: null };
    }
    const held = sqlite.prepare("select population from district_populations where lad_code = ? and year = ?");
    const upsert = sqlite.prepare(
      "insert into district_populations (lad_code, year, population, source_document, source_locator) values (?, ?, ?, ?, ?) on conflict (lad_code, year) do update set population = excluded.population, source_document = excluded.source_document, source_locator = excluded.source_locator",
    );
    let added = 0;
    const changes: string[] = [];
    const locator = `${this.personsSheet === "CSV" ? "MYE2 - Persons" : this.personsSheet}, All ages (mid-${year})`;
    for (const r of this.rows) {
      const before = held.get(r.code, year) as { population: number } | undefined;
      if (before?.population === r.population) continue;
      if (before) changes.push(`${r.code} mid-${year}: ${before.population} -> ${r.population}`);
      else added++;
      upsert.run(r.code, year, r.population, fileName, locator);
    }
    const changed = added > 0 || changes.length > 0;
    const from = this.personsSheet === "CSV" ? "" : ` from sheet "${this.personsSheet}"`;
    const summary = [
      `ONS mid-${year} population estimates ${fileName}: ${this.rows.length} areas${from} (Persons, All ages)`,
    ];
    if (this.otherSheets.length > 0)
      summary.push(`  not read: ${this.otherSheets.join(", ")} (rates use Persons only)`);
    if (this.notes > 0) summary.push(`  ${this.notes} rows of notes under the table ignored`);
    summary.push(
      changed
        ? `  ${added} added, ${changes.length} changed`
        : "Nothing changes: every estimate is held with the same figure.",
    );
    for (const c of changes.slice(0, 20)) summary.push(`    ${c}`);
    return { summary, changed, rows: this.rows.length, edition: String(year) };
  }
}
