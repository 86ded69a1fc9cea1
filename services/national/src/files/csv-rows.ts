import { parse } from "csv-parse";
import { createReadStream } from "node:fs";
import type { SheetRows } from "./sheet-row";

/** Streams a CSV file's records (csv-parse): quoted cells, CRLF, a byte-order mark. */
export async function* csvRows(file: string): SheetRows {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  // One table: its rows are placed by line; "CSV" stands where a workbook names its sheet.
  const sheet = "CSV";
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { sheet, row: record.info.lines, cells: record.record };
  }
}
