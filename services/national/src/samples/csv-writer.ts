import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Cell } from "./ods-writer";

const quote = (cell: Cell) =>
  typeof cell === "number" || !/[",\n\r]/.test(cell) ? String(cell) : `"${cell.replace(/"/g, '""')}"`;

/** Writes rows as CSV, streaming (backpressure respected). */
export async function writeCsv(file: string, rows: Iterable<Cell[]>): Promise<void> {
  const out = createWriteStream(file);
  let chunk = "";
  for (const row of rows) {
    chunk += `${row.map(quote).join(",")}\n`;
    if (chunk.length > 64 * 1024) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}
