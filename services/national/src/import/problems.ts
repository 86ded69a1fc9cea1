import type { SheetRow } from "../files/sheet-row";

const LISTED = 50;

/** The place of a problem: file, sheet, row and column, as every refusal names it. */
export function place(file: string, row: SheetRow | { sheet: string; row: number }, column?: string): string {
  return `${file}: sheet "${row.sheet}", row ${row.row}${column ? `, column "${column}"` : ""}`;
}

/** Problems found while reading a file: any one refuses the whole file. */
export class Problems {
  private readonly listed: string[] = [];
  private total = 0;
  /** Names the file uses that match nothing known, with where each is first seen. */
  readonly unknownNames = new Map<string, { where: string; rows: number }>();

  add(message: string): void {
    this.total++;
    if (this.listed.length < LISTED) this.listed.push(message);
  }

  unknown(name: string, where: string): void {
    const seen = this.unknownNames.get(name);
    if (seen) seen.rows++;
    else this.unknownNames.set(name, { where, rows: 1 });
  }

  get any(): boolean {
    return this.total > 0 || this.unknownNames.size > 0;
  }

  lines(unknownWhat: string, unknownHint: string): string[] {
    const lines = [...this.listed];
    if (this.total > this.listed.length) lines.push(`... and ${this.total - this.listed.length} more problems`);
    if (this.unknownNames.size > 0) {
      lines.push(`${this.unknownNames.size} unknown ${unknownWhat} (${unknownHint}):`);
      for (const [name, { where, rows }] of this.unknownNames)
        lines.push(`  "${name}": first at ${where}; ${rows} row${rows === 1 ? "" : "s"}`);
    }
    return lines;
  }
}

/** A file refused: nothing was written. */
export class ImportRefused extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} refused, nothing written:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ImportRefused";
  }
}

/** A whole, non-negative count as a spreadsheet may hold it ("149", "149.0", "1,234"). */
export function wholeCount(text: string): { count: number } | { problem: string } {
  const cleaned = text.trim().replace(/,/g, "");
  if (cleaned === "") return { problem: "is empty; expected a whole number of 0 or more" };
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { problem: `must be a whole number, got "${text}"` };
  const value = Number(cleaned);
  if (!Number.isInteger(value)) return { problem: `must be a whole number, got ${text}` };
  if (value < 0) return { problem: `must not be negative, got ${text}` };
  return { count: value };
}

/**
 * A whole count that may be negative (a Home Office quarter is net of crimes cancelled after an
 * earlier quarter recorded them: part of the published totals, kept and summed as printed).
 */
export function signedCount(text: string): { count: number } | { problem: string } {
  const cleaned = text.trim().replace(/,/g, "");
  if (cleaned === "") return { problem: "is empty; expected a whole number" };
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { problem: `must be a whole number, got "${text}"` };
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value)) return { problem: `must be a whole number, got ${text}` };
  return { count: value };
}
