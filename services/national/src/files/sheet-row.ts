/** One row of a spreadsheet or CSV file, with where it is, for error messages. */
export interface SheetRow {
  /** The sheet's name; a CSV file has one sheet, named after the file. */
  sheet: string;
  /** 1-based row number within the sheet (a CSV's line number). */
  row: number;
  /** The cells as text, trimmed of nothing: numbers as the file holds them. */
  cells: string[];
}

/** A file's rows in order, sheet after sheet, read as a stream (never the whole file at once). */
export type SheetRows = AsyncIterable<SheetRow>;

export function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === "");
}
