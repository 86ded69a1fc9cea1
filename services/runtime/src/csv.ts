/** One parsed CSV record with the 1-based line it starts on, for error messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Parses CSV as spreadsheets write it (RFC 4180): quoted cells may hold commas, doubled
 * quotes and line breaks; CRLF or LF line ends; a byte-order mark is ignored. Blank lines
 * are skipped. Throws with the line number on an unterminated quote.
 */
export function parseCsv(text: string): CsvRow[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line++;
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new Error(`line ${rowLine}: a quoted cell is not closed`);
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** Writes one CSV line, quoting a cell only where it must be. */
export function csvLine(cells: (string | number)[]): string {
  return cells
    .map((cell) => {
      const text = String(cell);
      return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",");
}
