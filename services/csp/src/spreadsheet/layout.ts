/**
 * The spreadsheet layout of a table of figures, as the documents print them: one row per
 * category, one column per period. Rows above the header name each period column's source,
 * cell by cell, so a column added to an exported table must name its own (a blank source
 * cell is refused: no column takes its source from another):
 *
 *   document,,002_8e9c48eccd29813b.txt,002_8e9c48eccd29813b.txt
 *   locator,,Figure 3,Figure 3
 *   title,,"Crime and Disorder ...","Crime and Disorder ..."
 *   publisher,,Charnwood Borough Council,Charnwood Borough Council
 *   published,,2019-03-06,2019-03-06
 *   category,local_label,"2016/17 (2016-04-01..2017-03-31, FINANCIAL_YEAR)","2017/18 (...)"
 *   all-crime,Recorded Crime,2353,2799
 *
 * `document` and `locator` are required; `title`, `publisher` and `published` describe the
 * document (required, title and publisher, for a document the system has not seen before;
 * `published` blank when it prints no date). A period column is headed "<label as printed>
 * (<start>..<end>, <basis>)". A blank count publishes nothing (it never deletes a figure).
 * Counts are whole numbers; thousands separators ("4,454", quoted) are read, and written without.
 */

import {
  type Checker,
  checkFigures,
  checkPeriod,
  checkSource,
  type FigureFields,
  type PeriodBasisName,
  type PeriodFields,
  type Place,
  type Placed,
  type SourceRecord,
} from "@csg/domain";
import { csvLine, formulaSafe, fromFormulaSafe, parseCsv, quoted, shortened } from "@csg/service-runtime";

const FIXED_COLUMNS = ["category", "local_label"] as const;
const PERIOD_HEADING = /^(.+) \((\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2}), ([A-Z0-9_]+)\)$/;
const COUNT = /^(\d+|\d{1,3}(,\d{3})+)$/;

export function periodHeading(period: PeriodFields): string {
  return `${period.label} (${period.start}..${period.end}, ${period.basis})`;
}

/** The figures of one table, with their source (its document described where known). */
export interface FigureTable {
  source: SourceRecord;
  periods: PeriodFields[];
  rows: { category: string; localLabel: string; counts: (number | null)[] }[];
}

/** The rows above the header, in order: each names one field of every column's source. */
const SOURCE_ROWS = ["document", "locator", "title", "publisher", "published"] as const;
type SourceRowName = (typeof SOURCE_ROWS)[number];

/** Writes a table in the layout, cells of unpublished figures left blank, text cells safe from formulas. */
export function writeTable(table: FigureTable): string {
  const sourceRow = (name: SourceRowName) =>
    csvLine([name, "", ...table.periods.map(() => formulaSafe(table.source[name] ?? ""))]);
  const lines = [
    ...SOURCE_ROWS.map(sourceRow),
    csvLine([...FIXED_COLUMNS, ...table.periods.map((p) => formulaSafe(periodHeading(p)))]),
    ...table.rows.map((row) =>
      csvLine([
        formulaSafe(row.category),
        formulaSafe(row.localLabel),
        ...row.counts.map((c) => (c === null ? "" : c)),
      ]),
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * Reads a file in the layout into figures, each with its place (row and column) for the
 * rules to name. Every problem (layout, and the rules of a figure) is collected in `check`,
 * in the order of the file; the caller throws.
 */
export function readTable(text: string, check: Checker): Placed<FigureFields>[] {
  let rows: { cells: string[]; line: number }[];
  try {
    rows = parseCsv(text).map((row) => ({ ...row, cells: row.cells.map(fromFormulaSafe) }));
  } catch (error) {
    check.fail("", (error as Error).message);
    check.throwIfAny();
  }
  const headerAt = rows!.findIndex((row) => row.cells[0] === FIXED_COLUMNS[0]);
  const sourceRows = new Map<SourceRowName, { cells: string[]; line: number }>();
  for (const row of headerAt < 0 ? rows!.slice(0, 2) : rows!.slice(0, headerAt)) {
    const name = row.cells[0] as SourceRowName;
    if (!SOURCE_ROWS.includes(name))
      check.fail(
        `row ${row.line}`,
        `must name one field of each column's source (${SOURCE_ROWS.join(", ")}), or be the header "category,local_label,..."; got "${row.cells[0]}"`,
      );
    else if (sourceRows.has(name)) check.fail(`row ${row.line}`, `is a second "${name}" row`);
    else if (row.cells.length === 2 && row.cells[1] !== "") {
      check.fail(
        `row ${row.line}`,
        `names one ${name} for the whole table ("${name},${row.cells[1]}"): the layout names each period column's source in its own cells ("${name},,<column 3's>,<column 4's>,..."), so that a column added later cannot take another's source. Export the table again for the layout`,
      );
    } else sourceRows.set(name, row);
  }
  const header = headerAt < 0 ? undefined : rows![headerAt];
  const body = headerAt < 0 ? [] : rows!.slice(headerAt + 1);
  for (const name of ["document", "locator"] as const) {
    if (!sourceRows.has(name) && check.issues.length === 0)
      check.fail(`row ${name === "document" ? 1 : 2}`, `must read "${name},,<each period column's ${name}>"`);
  }
  if (!header || header.cells[1] !== FIXED_COLUMNS[1] || header.cells.length < 3) {
    check.fail(
      `row ${header?.line ?? 3}`,
      `the header must read "category,local_label," then one column per period, headed "<label> (<start>..<end>, <basis>)"`,
    );
  }
  check.throwIfAny();

  const columns = header!.cells.slice(2).map((heading, i) => {
    const name = shortened(heading.match(PERIOD_HEADING)?.[1] ?? heading);
    const at = `row ${header!.line}, column "${name}"`;
    const match = PERIOD_HEADING.exec(heading);
    if (!match) {
      check.fail(
        at,
        `a period column must be headed "<label> (<start>..<end>, <basis>)", e.g. "FY 2019 (2018-10-01..2019-09-30, ROLLING_12_MONTHS)"; got ${quoted(heading)}`,
      );
      return undefined;
    }
    const period = { label: match[1], start: match[2], end: match[3], basis: match[4] as PeriodBasisName };
    checkPeriod(check, () => at, period);
    if (header!.cells.slice(2, 2 + i).includes(heading)) check.fail(at, "is a second column for the same period");
    // The column's own source: every cell of it read from the source rows, none inherited.
    const cell = (row: SourceRowName) => {
      const value = (sourceRows.get(row)?.cells[i + 2] ?? "").trim();
      return value === "" ? undefined : value;
    };
    const sourcePlace: Place = (field) => {
      const row = sourceRows.get((field || "document") as SourceRowName);
      return row
        ? `row ${row.line}, column "${name}"`
        : `column "${name}" (the file has no "${field}" row: add one above the header)`;
    };
    const source: SourceRecord = {
      document: cell("document")!,
      locator: cell("locator")!,
      title: cell("title"),
      publisher: cell("publisher"),
      published: cell("published"),
    };
    for (const field of ["document", "locator"] as const) {
      if (!source[field])
        check.fail(
          sourcePlace(field),
          `names no ${field}: every period column names its own source (${field} in row ${sourceRows.get(field)?.line}), never another column's`,
        );
    }
    if (source.document && source.locator) checkSource(check, sourcePlace, source);
    return { name, period, source, sourcePlace };
  });
  check.throwIfAny();

  const figures: Placed<FigureFields>[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of body) {
    const rowFigures: Placed<FigureFields>[] = [];
    if (cells.length > header!.cells.length)
      check.fail(`row ${line}`, `has ${cells.length} cells; the header has ${header!.cells.length} columns`);
    const [category = "", localLabel = ""] = cells;
    columns.forEach((column, i) => {
      const cell = (cells[i + 2] ?? "").trim();
      if (cell === "") return;
      const at = `row ${line}, column "${column!.name}"`;
      if (/^-\d/.test(cell))
        return check.fail(at, `must not be negative, got ${cell.length > 40 ? quoted(cell) : cell}`);
      if (!COUNT.test(cell)) return check.fail(at, `must be a whole number, got ${quoted(cell)}`);
      const place: Place = (field) =>
        field === "category"
          ? `row ${line}, column "category"`
          : field === "localLabel"
            ? `row ${line}, column "local_label"`
            : field.startsWith("period")
              ? `row ${header!.line}, column "${column!.name}"`
              : field.startsWith("source")
                ? column!.sourcePlace(field.slice("source.".length))
                : at;
      rowFigures.push({
        value: {
          category,
          localLabel,
          count: Number(cell.replace(/,/g, "")),
          period: column!.period,
          source: column!.source,
        },
        place,
      });
    });
    // Row by row, so that problems are listed in the order of the file.
    checkFigures(check, rowFigures, seen);
    figures.push(...rowFigures);
  }
  return figures;
}
