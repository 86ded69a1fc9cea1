import { extname } from "node:path";
import { csvRows } from "./csv-rows";
import { odsRows } from "./ods-rows";
import type { SheetRows } from "./sheet-row";
import { xlsxRows } from "./xlsx-rows";

export const READABLE_EXTENSIONS = [".csv", ".xlsx", ".ods"];

/**
 * Why an Excel 97-2003 workbook is refused, in one sentence: the only `.xls` readers on the npm
 * registry (SheetJS `xlsx` 0.18.5, the last published there) carry known, unfixed advisories
 * (prototype pollution, CVE-2023-30533; ReDoS, CVE-2024-22363), so the importer reads none.
 */
export function xlsRefusal(file: string): string {
  return `${file} is an Excel 97-2003 workbook (.xls), which this importer does not read: open it in Excel or LibreOffice and save it as .xlsx (or run \`soffice --headless --convert-to xlsx ${file}\`), then import the .xlsx.`;
}

/** A file's rows by its format (from its extension; its layout is then told by its header row). */
export function fileRows(file: string): SheetRows {
  const extension = extname(file).toLowerCase();
  if (extension === ".csv") return csvRows(file);
  if (extension === ".xlsx") return xlsxRows(file);
  if (extension === ".ods") return odsRows(file);
  if (extension === ".xls") throw new Error(xlsRefusal(file));
  throw new Error(`${file}: cannot read a "${extension}" file; expected one of ${READABLE_EXTENSIONS.join(", ")}`);
}
