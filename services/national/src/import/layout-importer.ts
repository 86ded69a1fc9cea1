import type Database from "better-sqlite3";
import type { SheetRow } from "../files/sheet-row";
import type { Problems } from "./problems";

/** What every layout's importer is given: the open transaction, the file and its document row. */
export interface ImportContext {
  sqlite: Database.Database;
  /** The file's name as recorded with its figures (no folder). */
  fileName: string;
  documentId: number;
  problems: Problems;
}

export interface ImportOutcome {
  /** Lines saying what changed (or would change), for the command's output and the document's record. */
  summary: string[];
  changed: boolean;
  rows: number;
  edition: string | null;
}

/** One layout's reading of a file, row by row, inside the file's transaction. */
export interface LayoutImporter {
  /** Rows of a sheet before its header row (a Notes sheet's `Updated:` line, a title with a year). */
  preamble(row: SheetRow): void;
  /** A sheet's header row of this layout: where its columns are (editions order them differently). */
  sheetHeader(sheet: string, columns: Record<string, number>): void;
  /** A sheet ended; `hadHeader` says whether it held the layout's header row. */
  sheetEnded(sheet: string, hadHeader: boolean): void;
  /** A data row (after its sheet's header row). Problems go to the context, never thrown. */
  row(row: SheetRow): void;
  /** Called once every row has been read without problems: compares with what is held and writes the difference. */
  finish(): ImportOutcome;
  /** Names that matched nothing: what they are and how to fix them, for the refusal. */
  unknownNames: { what: string; hint: string };
}
