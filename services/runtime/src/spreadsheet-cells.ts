/**
 * Cells a spreadsheet would run as a formula. OWASP's advice on CSV injection: a text cell
 * that starts with =, +, -, @, a tab or a carriage return is written with a leading single
 * quote, which spreadsheets show as text. Reading strips that quote again, so a label such as
 * "-ve outcomes" or "=Total" comes back unchanged. A text that itself starts with a quote
 * before such a character gets one more quote, so every text round-trips exactly.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function needsQuote(text: string): boolean {
  return FORMULA_START.test(text) || (text.startsWith("'") && needsQuote(text.slice(1)));
}

/** The cell as written to a file: safe to open in a spreadsheet. */
export function formulaSafe(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

/** The text a cell written by formulaSafe stands for. */
export function fromFormulaSafe(cell: string): string {
  return cell.startsWith("'") && needsQuote(cell.slice(1)) ? cell.slice(1) : cell;
}
