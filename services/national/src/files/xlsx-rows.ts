import ExcelJS from "exceljs";
import type { SheetRows } from "./sheet-row";

/** A cell's value as text: formulas by their result, dates as ISO dates, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/** Streams an XLSX workbook sheet by sheet, row by row (exceljs' streaming reader). */
export async function* xlsxRows(file: string): SheetRows {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "emit",
  });
  for await (const worksheet of workbook) {
    const sheet = (worksheet as unknown as { name: string }).name;
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based (index 0 unused) and sparse.
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { sheet, row: row.number, cells };
    }
  }
}
