/**
 * CSV as spreadsheets write it (RFC 4180), read with csv-parse and written with
 * csv-stringify: quoted cells may hold commas, doubled quotes and line breaks; CRLF, LF or CR
 * line ends; a byte-order mark is ignored; blank lines are skipped.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/** One parsed CSV record with the 1-based line it starts on, for error messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

const LINE_END = /\r\n|\n|\r/g;
const countLines = (text: string) => text.match(LINE_END)?.length ?? 0;

/** Parses CSV into rows, each with the line it starts on. Throws with the line number on an unterminated quote. */
export function parseCsv(text: string): CsvRow[] {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      raw: true,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const quote = (error as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED";
    throw new Error(quote ? `line ${line}: a quoted cell is not closed` : `line ${line}: ${(error as Error).message}`);
  }
  // The line a record starts on: the line ends read before it, and the blank lines it skipped.
  let linesBefore = 0;
  return records.map(({ record, raw }) => {
    const skipped = raw.match(/^(\r\n|\n|\r)*/)![0];
    const row = { line: linesBefore + countLines(skipped) + 1, cells: record };
    linesBefore += countLines(raw);
    return row;
  });
}

/** Writes one CSV line, quoting a cell only where it must be (and where spaces at either end would be lost). */
export function csvLine(cells: (string | number)[]): string {
  return stringify([cells.map(String)], { quoted_match: /^\s|\s$/, record_delimiter: "unix" }).replace(/\n$/, "");
}
