const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** `Updated: 29 January 2026` (a Notes sheet's line) as an ISO date, or null. */
export function editionFromNotes(text: string): string | null {
  const match = /updated:?\s*(\d{1,2})\s+([a-z]+)\s+(\d{4})/i.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2].toLowerCase());
  if (month < 0) return null;
  return `${match[3]}-${String(month + 1).padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}

/** The file name's `-DDMMYY` before its extension (`prc-csp-mar21-sep25-tables-290126.ods`), or null. */
export function editionFromFileName(fileName: string): string | null {
  const match = /-(\d{2})(\d{2})(\d{2})\.[a-z]+$/i.exec(fileName);
  if (!match) return null;
  const [, dd, mm, yy] = match;
  if (Number(mm) < 1 || Number(mm) > 12 || Number(dd) < 1 || Number(dd) > 31) return null;
  return `20${yy}-${mm}-${dd}`;
}
