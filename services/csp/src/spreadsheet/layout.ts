/**
 * The spreadsheet layout of a table of figures, as the documents print them: one row per
 * category, one column per period. Two rows name the source first:
 *
 *   document,000_b7c152d5842baba3.txt
 *   locator,Safer North West Leicestershire Community Safety Partnership - 2019 Headline Figures
 *   category,local_label,"FY 2015 (2014-10-01..2015-09-30, ROLLING_12_MONTHS)",...
 *   all-crime,Total crime,4454,...
 *
 * A period column is headed "<label as printed> (<start>..<end>, <basis>)". A blank cell
 * publishes nothing (it never deletes a figure). Counts are whole numbers; thousands
 * separators ("4,454", quoted) are read, and written without.
 */

import { Checker, checkFigures, checkPeriod, checkSource, type FigureFields, type PeriodBasisName, type PeriodFields, type Place, type Placed, type SourceRecord } from "@csg/domain";
import { csvLine, formulaSafe, fromFormulaSafe, parseCsv, quoted, shortened } from "@csg/service-runtime";

const FIXED_COLUMNS = ["category", "local_label"] as const;
const PERIOD_HEADING = /^(.+) \((\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}), ([A-Z0-9_]+)\)$/;
const COUNT = /^(\d+|\d{1,3}(,\d{3})+)$/;

export function periodHeading(period: PeriodFields): string {
  return `${period.label} (${period.start}..${period.end}, ${period.basis})`;
}

/** The figures of one table, with their source. */
export interface FigureTable {
  source: SourceRecord;
  periods: PeriodFields[];
  rows: { category: string; localLabel: string; counts: (number | null)[] }[];
}

/** Writes a table in the layout, cells of unpublished figures left blank, text cells safe from formulas. */
export function writeTable(table: FigureTable): string {
  const lines = [
    csvLine(["document", formulaSafe(table.source.document)]),
    csvLine(["locator", formulaSafe(table.source.locator)]),
    csvLine([...FIXED_COLUMNS, ...table.periods.map((p) => formulaSafe(periodHeading(p)))]),
    ...table.rows.map((row) => csvLine([formulaSafe(row.category), formulaSafe(row.localLabel), ...row.counts.map((c) => (c === null ? "" : c))])),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Reads a file in the layout into figures, each with its place (row and column) for the
 * rules to name. Every problem (layout, and the rules of a figure) is collected in `check`,
 * in the order of the file; the caller throws.
 */
export function readTable(text: string, check: Checker): Placed<FigureFields>[] {
  let rows;
  try {
    rows = parseCsv(text).map((row) => ({ ...row, cells: row.cells.map(fromFormulaSafe) }));
  } catch (error) {
    check.fail("", (error as Error).message);
    check.throwIfAny();
  }
  const [documentRow, locatorRow, header, ...body] = rows!;
  const sourceRow = (row: typeof documentRow | undefined, name: string, n: number) => {
    if (row?.cells[0] !== name || row.cells.length < 2) check.fail(`row ${row?.line ?? n}`, `must read "${name},<the source's ${name}>"`);
    return row?.cells[1] ?? "";
  };
  const source = { document: sourceRow(documentRow, "document", 1), locator: sourceRow(locatorRow, "locator", 2) };
  if (check.issues.length === 0) {
    checkSource(check, (field) => (field === "locator" ? `row ${locatorRow.line}, column 2` : `row ${documentRow.line}, column 2`), source);
  }
  if (!header || header.cells[0] !== FIXED_COLUMNS[0] || header.cells[1] !== FIXED_COLUMNS[1] || header.cells.length < 3) {
    check.fail(`row ${header?.line ?? 3}`, `the header must read "category,local_label," then one column per period, headed "<label> (<start>..<end>, <basis>)"`);
  }
  check.throwIfAny();

  const columns = header.cells.slice(2).map((heading, i) => {
    const name = shortened(heading.match(PERIOD_HEADING)?.[1] ?? heading);
    const at = `row ${header.line}, column "${name}"`;
    const match = PERIOD_HEADING.exec(heading);
    if (!match) {
      check.fail(at, `a period column must be headed "<label> (<start>..<end>, <basis>)", e.g. "FY 2019 (2018-10-01..2019-09-30, ROLLING_12_MONTHS)"; got ${quoted(heading)}`);
      return undefined;
    }
    const period = { label: match[1], start: match[2], end: match[3], basis: match[4] as PeriodBasisName };
    checkPeriod(check, () => at, period);
    if (header.cells.slice(2, 2 + i).includes(heading)) check.fail(at, "is a second column for the same period");
    return { name, period };
  });
  check.throwIfAny();

  const figures: Placed<FigureFields>[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of body) {
    const rowFigures: Placed<FigureFields>[] = [];
    if (cells.length > header.cells.length) check.fail(`row ${line}`, `has ${cells.length} cells; the header has ${header.cells.length} columns`);
    const [category = "", localLabel = ""] = cells;
    columns.forEach((column, i) => {
      const cell = (cells[i + 2] ?? "").trim();
      if (cell === "") return;
      const at = `row ${line}, column "${column!.name}"`;
      if (/^-\d/.test(cell)) return check.fail(at, `must not be negative, got ${cell.length > 40 ? quoted(cell) : cell}`);
      if (!COUNT.test(cell)) return check.fail(at, `must be a whole number, got ${quoted(cell)}`);
      const place: Place = (field) =>
        field === "category"
          ? `row ${line}, column "category"`
          : field === "localLabel"
            ? `row ${line}, column "local_label"`
            : field.startsWith("period")
              ? `row ${header.line}, column "${column!.name}"`
              : at;
      rowFigures.push({ value: { category, localLabel, count: Number(cell.replace(/,/g, "")), period: column!.period, source }, place });
    });
    // Row by row, so that problems are listed in the order of the file.
    checkFigures(check, rowFigures, seen);
    figures.push(...rowFigures);
  }
  return figures;
}
