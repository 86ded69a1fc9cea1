import type { SheetRow } from "../files/sheet-row";
import type { ImportContext, ImportOutcome, LayoutImporter } from "./layout-importer";
import { place, wholeCount } from "./problems";

/** The estimate's mid-year from a title line (`Mid-2020 Population Estimates ...`) or the file name. */
function yearIn(text: string): number | null {
  const match = /mid[-\s_]?(\d{4})/i.exec(text);
  return match ? Number(match[1]) : null;
}

/**
 * ONS mid-year population estimates (sheet `MYE2 - Persons`): each area's `All ages` figure
 * for the mid-year the file's title names. Rows are kept by ONS code and year; only those of
 * districts in the lookup are used for CSP populations.
 */
export class MidYearEstimatesImporter implements LayoutImporter {
  readonly unknownNames = { what: "names", hint: "" };
  private readonly rows: { code: string; population: number }[] = [];
  private year: number | null;
  private sheet = "";

  constructor(
    private readonly context: ImportContext,
    private readonly columns: Record<string, number>,
  ) {
    this.year = yearIn(context.fileName);
  }

  preamble(row: SheetRow): void {
    this.year = yearIn(row.cells.join(" ")) ?? this.year;
  }

  sheetEnded(sheet: string, hadHeader: boolean): void {
    if (hadHeader) this.sheet = sheet;
  }

  row(row: SheetRow): void {
    const { problems, fileName } = this.context;
    const code = (row.cells[this.columns.code] ?? "").trim();
    if (!/^[EWSNK]\d{8}$/.test(code)) return void problems.add(`${place(fileName, row, "Code")}: expected an ONS code such as E07000130, got "${code}"`);
    const count = wholeCount(row.cells[this.columns.allAges] ?? "");
    if ("problem" in count) return void problems.add(`${place(fileName, row, "All ages")}: ${count.problem}`);
    this.rows.push({ code, population: count.count });
  }

  finish(): ImportOutcome {
    const { sqlite, fileName, problems } = this.context;
    if (this.year === null) {
      problems.add(`${fileName}: cannot tell the estimates' mid-year: no "Mid-YYYY" in the title rows above the header or in the file name`);
      return { summary: [], changed: false, rows: 0, edition: null };
    }
    const held = sqlite.prepare("select population from district_populations where lad_code = ? and year = ?");
    const upsert = sqlite.prepare(
      "insert into district_populations (lad_code, year, population, source_document, source_locator) values (?, ?, ?, ?, ?) on conflict (lad_code, year) do update set population = excluded.population, source_document = excluded.source_document, source_locator = excluded.source_locator",
    );
    let added = 0;
    const changes: string[] = [];
    for (const r of this.rows) {
      const before = held.get(r.code, this.year) as { population: number } | undefined;
      if (before?.population === r.population) continue;
      if (before) changes.push(`${r.code} mid-${this.year}: ${before.population} -> ${r.population}`);
      else added++;
      upsert.run(r.code, this.year, r.population, fileName, `${this.sheet || "MYE2 - Persons"}, All ages (mid-${this.year})`);
    }
    const changed = added > 0 || changes.length > 0;
    const summary = [`ONS mid-${this.year} population estimates ${fileName}: ${this.rows.length} areas`];
    summary.push(changed ? `  ${added} added, ${changes.length} changed` : "Nothing changes: every estimate is held with the same figure.");
    for (const c of changes.slice(0, 20)) summary.push(`    ${c}`);
    return { summary, changed, rows: this.rows.length, edition: null };
  }
}
