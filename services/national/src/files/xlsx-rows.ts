/**
 * Streams an XLSX workbook sheet by sheet, row by row, reading its XML parts as they unzip
 * (yauzl) with a streaming parser (saxes), as the ODS reader does. Parts are found through the
 * zip's central directory and the workbook's relationships, so a workbook whose parts are
 * stored in any order (other writers put the workbook part after the sheets) reads the same.
 *
 * What it holds in memory: the shared strings table (bounded below) and one chunk's rows.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Readable } from "node:stream";
import type { SheetRow, SheetRows } from "./sheet-row";
import { type ZipArchive, openZip } from "./zip-entries";

/** Bounds of the shared strings table (the one part held whole): a real table has a few thousand. */
const MAX_SHARED_STRINGS = 2_000_000;
const MAX_SHARED_STRING_CHARS = 64 * 2 ** 20;
/** Columns past XFD (16,384) do not exist; a cell reference beyond is refused, never padded. */
const MAX_COLUMNS = 16_384;

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Feeds a part to a parser a chunk at a time, handing out what the handlers queued after each chunk. */
async function* parsePart<T>(stream: Readable, parser: SaxesParser, ready: T[]): AsyncGenerator<T> {
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (ready.length > 0) yield* ready.splice(0, ready.length);
    }
    parser.close();
    yield* ready.splice(0, ready.length);
  } finally {
    stream.destroy();
  }
}

async function drain(stream: Readable, parser: SaxesParser): Promise<void> {
  for await (const _ of parsePart(stream, parser, [])) void _;
}

/** `xl/workbook.xml`'s sheets in order, with their parts (through `xl/_rels/workbook.xml.rels`). */
async function sheetParts(zip: ZipArchive, file: string): Promise<{ name: string; part: string }[]> {
  const workbookPart = zip.has("xl/workbook.xml")
    ? "xl/workbook.xml"
    : zip.names().find((n) => /(^|\/)workbook\.xml$/.test(n));
  if (!workbookPart) throw new Error(`${file}: not an XLSX workbook (no xl/workbook.xml)`);
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const sheets: { name: string; id: string }[] = [];
  const workbook = new SaxesParser({ xmlns: false });
  workbook.on("opentag", (tag: SaxesTagPlain) => {
    if (localName(tag.name) !== "sheet") return;
    const id = Object.entries(tag.attributes).find(([k]) => localName(k) === "id")?.[1] ?? "";
    sheets.push({ name: String(tag.attributes.name ?? ""), id: String(id) });
  });
  await drain(await zip.open(workbookPart), workbook);
  const targets = new Map<string, string>();
  const relsPart = `${folder}_rels/workbook.xml.rels`;
  if (zip.has(relsPart)) {
    const rels = new SaxesParser({ xmlns: false });
    rels.on("opentag", (tag: SaxesTagPlain) => {
      if (localName(tag.name) === "Relationship") targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
    });
    await drain(await zip.open(relsPart), rels);
  }
  return sheets.map((s, i) => {
    const target = targets.get(s.id) ?? `worksheets/sheet${i + 1}.xml`;
    return { name: s.name, part: target.startsWith("/") ? target.slice(1) : folder + target };
  });
}

/** The shared strings, each `<si>`'s text runs joined (phonetic runs left out). */
async function sharedStrings(zip: ZipArchive, file: string): Promise<string[]> {
  const part = zip.names().find((n) => /(^|\/)sharedStrings\.xml$/i.test(n));
  if (!part) return [];
  const strings: string[] = [];
  let chars = 0;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === "si") current = "";
    else if (name === "rPh") phonetic++;
    else if (name === "t" && phonetic === 0) inText = !tag.isSelfClosing;
  });
  parser.on("text", (text) => {
    if (inText && current !== null) current += text;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === "t") inText = false;
    else if (name === "rPh") phonetic--;
    else if (name === "si" && current !== null) {
      chars += current.length;
      if (strings.length >= MAX_SHARED_STRINGS || chars > MAX_SHARED_STRING_CHARS) {
        throw new Error(
          `${file}: the workbook's shared strings table is larger than this importer reads (${MAX_SHARED_STRINGS} strings or ${MAX_SHARED_STRING_CHARS / 2 ** 20} MB of text)`,
        );
      }
      strings.push(current);
      current = null;
    }
  });
  await drain(await zip.open(part), parser);
  return strings;
}

/** `AB12` -> 27 (0-based column), or -1 when the reference names no column. */
function columnOf(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 ? -1 : column - 1;
}

function sheetParser(sheet: string, strings: string[], ready: SheetRow[], file: string): SaxesParser {
  const parser = new SaxesParser({ xmlns: false });
  let rowNumber = 0;
  let cells: string[] = [];
  let cell: { column: number; type: string; value: string } | null = null;
  let collecting = false;
  parser.on("opentag", (tag: SaxesTagPlain) => {
    switch (localName(tag.name)) {
      case "row":
        rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
        cells = [];
        if (tag.isSelfClosing) ready.push({ sheet, row: rowNumber, cells });
        break;
      case "c": {
        const column = tag.attributes.r ? columnOf(String(tag.attributes.r)) : cells.length;
        if (column >= MAX_COLUMNS)
          throw new Error(
            `${file}: sheet "${sheet}", row ${rowNumber}: a cell beyond the last column (${tag.attributes.r})`,
          );
        cell = { column: column < 0 ? cells.length : column, type: String(tag.attributes.t ?? "n"), value: "" };
        if (tag.isSelfClosing) cell = null;
        break;
      }
      case "v":
        collecting = cell !== null;
        break;
      case "t":
        // Inline strings (`<is><t>`); a formula's text (`<f>`) is never collected.
        collecting = cell !== null && cell.type === "inlineStr";
        break;
    }
  });
  parser.on("text", (text) => {
    if (collecting && cell) cell.value += text;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    switch (localName(tag.name)) {
      case "v":
      case "t":
        collecting = false;
        break;
      case "c": {
        if (!cell) break;
        const { column, type, value } = cell;
        cell = null;
        let text = value;
        if (type === "s") text = strings[Number(value)] ?? "";
        else if (type === "b") text = value === "1" ? "true" : "false";
        while (cells.length < column) cells.push("");
        cells[column] = text;
        break;
      }
      case "row":
        ready.push({ sheet, row: rowNumber, cells });
        break;
    }
  });
  return parser;
}

/** Streams an XLSX workbook's rows, sheet after sheet in the workbook's order. */
export async function* xlsxRows(file: string): SheetRows {
  const zip = await openZip(file, "an XLSX workbook");
  try {
    const sheets = await sheetParts(zip, file);
    const strings = await sharedStrings(zip, file);
    for (const { name, part } of sheets) {
      if (!zip.has(part))
        throw new Error(
          `${file}: not a readable XLSX workbook (sheet "${name}" names ${part}, which the archive does not hold)`,
        );
      const ready: SheetRow[] = [];
      yield* parsePart(await zip.open(part), sheetParser(name, strings, ready, file), ready);
    }
  } finally {
    zip.close();
  }
}
