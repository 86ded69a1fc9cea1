/**
 * How names of one area are matched across publishers and editions: case, punctuation and
 * `&` do not matter (`St. Helens` / `St Helens`, `Kings Lynn` / `King's Lynn`), nor does the
 * ONS's `, City of` (`Kingston upon Hull, City of`, `London, City of` / `City of London`).
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'’,()]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ city of$/, "")
    .replace(/^city of /, "");
}
