import ExcelJS from "exceljs";
import type { SheetSource } from "./ods-writer";

/** Writes an XLSX workbook with exceljs' streaming writer (rows committed as they are added). */
export async function writeXlsx(
  file: string,
  sheets: Iterable<SheetSource>,
  options: { sharedStrings?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: options.sharedStrings ?? false,
    useStyles: false,
  });
  workbook.created = workbook.modified = new Date("2000-01-01T00:00:00Z");
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row).commit();
    worksheet.commit();
  }
  await workbook.commit();
}
