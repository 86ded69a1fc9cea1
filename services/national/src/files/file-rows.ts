import { extname } from "node:path";
import { csvRows } from "./csv-rows";
import { odsRows } from "./ods-rows";
import type { SheetRows } from "./sheet-row";
import { xlsxRows } from "./xlsx-rows";

export const READABLE_EXTENSIONS = [".csv", ".xlsx", ".ods"];

/** A file's rows by its format (from its extension; its layout is then told by its header row). */
export function fileRows(file: string): SheetRows {
  const extension = extname(file).toLowerCase();
  if (extension === ".csv") return csvRows(file);
  if (extension === ".xlsx") return xlsxRows(file);
  if (extension === ".ods") return odsRows(file);
  throw new Error(`${file}: cannot read a "${extension}" file; expected one of ${READABLE_EXTENSIONS.join(", ")}`);
}
