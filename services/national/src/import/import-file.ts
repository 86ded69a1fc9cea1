import type Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { fileRows } from "../files/file-rows";
import { type LayoutKind, expectedLayouts, knownWrongLayout, recognise } from "../files/layouts";
import { type SheetRow, isBlank } from "../files/sheet-row";
import { HomeOfficeTableImporter } from "./home-office-table";
import type { ImportContext, LayoutImporter } from "./layout-importer";
import { OnsLookupImporter } from "./ons-lookup";
import { MidYearEstimatesImporter } from "./ons-mid-year-estimates";
import { PoliceUkStreetImporter } from "./police-uk-street";
import { ImportRefused, Problems } from "./problems";
import { removeSamples } from "./samples-removed";

/** Rows read before a sheet's header row at most: a header further down is not this layout's. */
const HEADER_SEARCH_ROWS = 30;
/** Negative: KiB (64 MB). */
const IMPORT_CACHE_KIB = -65536;

export interface ImportOptions {
  dryRun?: boolean;
}

export interface ImportResult {
  file: string;
  kind: LayoutKind;
  /** False when the file holds exactly what is held already (or on a dry run). */
  written: boolean;
  changed: boolean;
  rows: number;
  summary: string[];
}

/** A full disk, said as such (better-sqlite3 reports SQLITE_FULL; the transaction is already rolled back). */
function diskFull(error: unknown, sqlite: Database.Database, fileName: string): Error | null {
  const code = (error as { code?: string }).code ?? "";
  if (code !== "SQLITE_FULL" && !code.startsWith("SQLITE_FULL") && (error as { code?: string }).code !== "ENOSPC")
    return null;
  return new ImportRefused(fileName, [
    `the disk is full: the national database (${sqlite.name}) could not grow to hold this import; free some space and import it again (${code})`,
  ]);
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

/** A file whose name starts with `sample-` is one of the repository's made-up samples. */
export function isSampleFile(fileName: string): boolean {
  return fileName.startsWith("sample-");
}

function importerFor(kind: LayoutKind, context: ImportContext, columns: Record<string, number>): LayoutImporter {
  switch (kind) {
    case "HOME_OFFICE_CSP_TABLE":
      return new HomeOfficeTableImporter(context, columns);
    case "POLICE_UK_STREET":
      return new PoliceUkStreetImporter(context, columns);
    case "ONS_CSP_LOOKUP":
      return new OnsLookupImporter(context, columns);
    case "ONS_MID_YEAR_ESTIMATES":
      return new MidYearEstimatesImporter(context, columns);
  }
}

/**
 * Imports one file, recognised by its header row, in one transaction: every row lands or
 * nothing is written (ImportRefused lists each problem with file, sheet, row and column).
 * The rows are streamed; the transaction is SQLite's own (BEGIN IMMEDIATE ... COMMIT),
 * because better-sqlite3's transaction() cannot span the stream's awaits. A file that
 * changes nothing writes nothing, not even its document row.
 */
export async function importNationalFile(
  sqlite: Database.Database,
  file: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const fileName = basename(file);
  const digest = await sha256(file);
  const rows = fileRows(file);
  // A bounded page cache for the set operations over a million staged rows (SQLite's default is 2 MB).
  const cacheSize = sqlite.pragma("cache_size", { simple: true });
  sqlite.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  sqlite.exec("BEGIN IMMEDIATE");
  let committed = false;
  try {
    const document = sqlite
      .prepare(
        "insert into documents (file_name, kind, sha256, edition, sample, rows, imported_at, summary) values (?, '', ?, null, ?, 0, ?, '') returning id",
      )
      .get(fileName, digest, isSampleFile(fileName) ? 1 : 0, new Date().toISOString()) as { id: number };
    const problems = new Problems();
    const context: ImportContext = { sqlite, fileName, documentId: document.id, problems };
    let importer: LayoutImporter | null = null;
    let kind: LayoutKind | null = null;
    let sheet: string | null = null;
    let sheetHeader: Record<string, number> | null = null;
    let sheetRowsRead = 0;
    let purged: string[] = [];
    const preamble: SheetRow[] = [];
    // Sheets read before the layout was known (a cover, notes): told to the importer once it is.
    const sheetsBefore: string[] = [];
    const firstRows: string[] = [];

    const endSheet = () => {
      if (sheet === null) return;
      if (importer) importer.sheetEnded(sheet, sheetHeader !== null);
      else sheetsBefore.push(sheet);
    };
    for await (const row of rows) {
      if (row.sheet !== sheet) {
        endSheet();
        sheet = row.sheet;
        sheetHeader = null;
        sheetRowsRead = 0;
      }
      if (isBlank(row.cells)) continue;
      if (sheetHeader) {
        importer!.row(row);
        continue;
      }
      sheetRowsRead++;
      const found = sheetRowsRead <= HEADER_SEARCH_ROWS ? recognise(row.cells) : null;
      if (!found) {
        const wrong = knownWrongLayout(row.cells);
        if (wrong) throw new ImportRefused(fileName, [`sheet "${row.sheet}", row ${row.row}: ${wrong}`]);
        if (firstRows.length < 3)
          firstRows.push(`sheet "${row.sheet}", row ${row.row}: ${row.cells.slice(0, 12).join(", ")}`);
        if (importer) importer.preamble(row);
        // Before the layout is known only a sheet's first rows are kept (titles, an `Updated:` line).
        else if (sheetRowsRead <= HEADER_SEARCH_ROWS) preamble.push(row);
        continue;
      }
      if (!importer) {
        kind = found.layout.kind;
        // A real file of a kind replaces every sample of that kind (and what is tied to it) first.
        if (!isSampleFile(fileName)) purged = removeSamples(sqlite, kind);
        importer = importerFor(kind, context, found.columns);
        for (const earlier of preamble) importer.preamble(earlier);
        for (const earlier of sheetsBefore) importer.sheetEnded(earlier, false);
        preamble.length = 0;
      } else if (found.layout.kind !== kind) {
        throw new ImportRefused(fileName, [
          `sheet "${row.sheet}", row ${row.row}: a ${found.layout.description} header in a file of another layout`,
        ]);
      }
      sheetHeader = found.columns;
      importer.sheetHeader(row.sheet, found.columns);
    }
    endSheet();
    if (!importer || !kind) {
      throw new ImportRefused(fileName, [
        "no header row of a known layout" +
          (firstRows.length ? ` (first rows read: ${firstRows.join(" | ")})` : " (the file is empty)"),
        `expected one of:\n${expectedLayouts()}`,
      ]);
    }
    if (problems.any)
      throw new ImportRefused(fileName, problems.lines(importer.unknownNames.what, importer.unknownNames.hint));
    const outcome = importer.finish();
    if (problems.any)
      throw new ImportRefused(fileName, problems.lines(importer.unknownNames.what, importer.unknownNames.hint));
    const changed = outcome.changed || purged.length > 0;
    const summary = [...outcome.summary, ...purged];
    const written = changed && !options.dryRun;
    if (written) {
      sqlite
        .prepare("update documents set kind = ?, edition = ?, rows = ?, summary = ? where id = ?")
        .run(kind, outcome.edition, outcome.rows, summary.join("\n"), document.id);
      sqlite.exec("COMMIT");
      committed = true;
    }
    return { file: fileName, kind, written, changed, rows: outcome.rows, summary };
  } catch (error) {
    throw diskFull(error, sqlite, fileName) ?? error;
  } finally {
    // SQLite has already rolled back a transaction a full disk (or a lost file) ended.
    if (!committed && sqlite.inTransaction) sqlite.exec("ROLLBACK");
    sqlite.pragma(`cache_size = ${cacheSize}`);
    // Ends the file's stream if a refusal stopped reading part-way.
    await (rows as AsyncGenerator<SheetRow>).return?.(undefined);
  }
}
