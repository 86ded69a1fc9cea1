import { SaxesParser } from "saxes";
import yauzl from "yauzl";
import type { Readable } from "node:stream";
import type { SheetRow, SheetRows } from "./sheet-row";

/** A sheet's trailing padding (`number-columns-repeated="16384"` empty cells) is never expanded. */
const MAX_REPEATED_ROWS = 1000;

function openContentXml(file: string): Promise<{ stream: Readable; close(): void }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip)
        return reject(new Error(`${file}: not an OpenDocument spreadsheet (not a zip archive: ${error?.message})`));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== "content.xml") return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          resolve({ stream, close: () => zip.close() });
        });
      });
      zip.on("end", () => reject(new Error(`${file}: not an OpenDocument spreadsheet (no content.xml)`)));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/**
 * Streams an ODS workbook sheet by sheet, row by row: content.xml is unzipped as a stream
 * (yauzl) and parsed as it arrives (saxes), so a 1 GB content.xml needs no more memory than
 * a small one. Rows are handed out after each chunk.
 */
export async function* odsRows(file: string): SheetRows {
  const { stream, close } = await openContentXml(file);
  const ready: SheetRow[] = [];
  const parser = new SaxesParser({ xmlns: false });
  let sheet = "";
  let rowNumber = 0;
  let rowRepeat = 1;
  let cells: string[] = [];
  let pendingEmpty = 0;
  let cell: { text: string; value: string | null; repeat: number; paragraphs: number } | null = null;
  let inParagraph = false;

  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case "table:table":
        sheet = a["table:name"] ?? "";
        rowNumber = 0;
        break;
      case "table:table-row":
        cells = [];
        pendingEmpty = 0;
        rowRepeat = Number(a["table:number-rows-repeated"] ?? 1);
        break;
      case "table:table-cell":
      case "table:covered-table-cell": {
        const type = a["office:value-type"];
        const value =
          type === "float" || type === "percentage" || type === "currency"
            ? a["office:value"]
            : type === "date"
              ? a["office:date-value"]
              : null;
        cell = {
          text: "",
          value: value ?? null,
          repeat: Number(a["table:number-columns-repeated"] ?? 1),
          paragraphs: 0,
        };
        if (tag.isSelfClosing) closeCell();
        break;
      }
      case "text:p":
        if (cell) {
          if (cell.paragraphs++ > 0) cell.text += "\n";
          inParagraph = true;
        }
        break;
      case "text:s":
        if (cell && inParagraph) cell.text += " ".repeat(Number(a["text:c"] ?? 1));
        break;
      case "text:tab":
        if (cell && inParagraph) cell.text += "\t";
        break;
    }
  });
  parser.on("text", (text) => {
    if (cell && inParagraph) cell.text += text;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "text:p":
        inParagraph = false;
        break;
      case "table:table-cell":
      case "table:covered-table-cell":
        if (cell) closeCell();
        break;
      case "table:table-row": {
        const blank = cells.length === 0;
        const repeats = blank ? 1 : Math.min(rowRepeat, MAX_REPEATED_ROWS);
        for (let i = 0; i < repeats; i++) {
          rowNumber++;
          ready.push({ sheet, row: rowNumber, cells: i === 0 ? cells : [...cells] });
        }
        if (blank) rowNumber += rowRepeat - 1;
        break;
      }
    }
  });

  function closeCell() {
    const c = cell!;
    cell = null;
    const text = c.value ?? c.text;
    if (text === "") {
      pendingEmpty += c.repeat;
      return;
    }
    // Empty cells count only when a filled one follows them.
    for (; pendingEmpty > 0; pendingEmpty--) cells.push("");
    for (let i = 0; i < Math.min(c.repeat, MAX_REPEATED_ROWS); i++) cells.push(text);
  }

  try {
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      while (ready.length > 0) {
        const batch = ready.splice(0, ready.length);
        for (const row of batch) if (row.cells.length > 0) yield row;
      }
    }
    parser.close();
    for (const row of ready) if (row.cells.length > 0) yield row;
  } finally {
    stream.destroy();
    close();
  }
}
