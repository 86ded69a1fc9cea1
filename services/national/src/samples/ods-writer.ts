import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import yazl from "yazl";

export type Cell = string | number;
export interface SheetSource {
  name: string;
  rows: Iterable<Cell[]>;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cellXml(cell: Cell): string {
  if (typeof cell === "number")
    return `<table:table-cell office:value-type="float" office:value="${cell}"><text:p>${cell}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"><text:p>${escapeXml(cell)}</text:p></table:table-cell>`;
}

/** content.xml, produced a sheet and a row at a time (the full-size table never sits in memory). */
function* contentXml(sheets: Iterable<SheetSource>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>';
  for (const sheet of sheets) {
    yield `<table:table table:name="${escapeXml(sheet.name)}">`;
    let chunk = "";
    for (const row of sheet.rows) {
      chunk += `<table:table-row>${row.map(cellXml).join("")}</table:table-row>`;
      if (chunk.length > 64 * 1024) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</table:table>`;
  }
  yield "</office:spreadsheet></office:body></office:document-content>";
}

const MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>`;

/** Writes an OpenDocument spreadsheet (mimetype first and stored, as the format requires), streaming content.xml. */
export async function writeOds(file: string, sheets: Iterable<SheetSource>): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date("2000-01-01T00:00:00Z"); // fixed: the same samples build the same bytes
  zip.addBuffer(Buffer.from("application/vnd.oasis.opendocument.spreadsheet"), "mimetype", { compress: false, mtime });
  zip.addBuffer(Buffer.from(MANIFEST), "META-INF/manifest.xml", { mtime });
  zip.addReadStream(Readable.from(contentXml(sheets)), "content.xml", { mtime });
  const out = createWriteStream(file);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, "finish");
}
