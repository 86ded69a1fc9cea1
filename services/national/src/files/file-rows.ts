import { extname } from "node:path";
import { csvRows } from "./csv-rows";
import { odsRows } from "./ods-rows";
import type { SheetRows } from "./sheet-row";

export const READABLE_EXTENSIONS = [".csv", ".xlsx", ".ods"];

/** A file's rows by its format (from its extension; its layout is then told by its header row). */
export function fileRows(file: string): SheetRows {
  const extension = extname(file).toLowerCase();
  if (extension === ".csv") return csvRows(file);
  if (extension === ".xlsx") return lazyXlsxRows(file);
  if (extension === ".ods") return odsRows(file);
  throw new Error(`${file}: cannot read a "${extension}" file; expected one of ${READABLE_EXTENSIONS.join(", ")}`);
}

/** exceljs is large: loaded only when an XLSX file is read (a service that never reads one starts faster). */
async function* lazyXlsxRows(file: string): SheetRows {
  const { xlsxRows } = await import("./xlsx-rows");
  yield* xlsxRows(file);
}
