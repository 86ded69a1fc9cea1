/**
 * The layouts the importer recognises, each by its header row (verbatim from the publishers'
 * files; see the README's national data section). A file is recognised by the first header
 * row it holds; anything else is refused with this list.
 */
export type LayoutKind = "HOME_OFFICE_CSP_TABLE" | "POLICE_UK_STREET" | "ONS_CSP_LOOKUP" | "ONS_MID_YEAR_ESTIMATES";

export interface Layout {
  kind: LayoutKind;
  description: string;
  /** The header as documented, for the refusal message. */
  header: string;
  /** Column positions when `cells` is this layout's header row; null otherwise. */
  match(cells: string[]): Record<string, number> | null;
}

const normal = (cell: string) => cell.trim().toLowerCase();

/** Exactly these columns in this order (extra blank cells after them are allowed). */
function exactHeader(columns: string[]): (cells: string[]) => Record<string, number> | null {
  return (cells) => {
    const filled = cells.map(normal);
    while (filled.length > 0 && filled[filled.length - 1] === "") filled.pop();
    if (filled.length !== columns.length) return null;
    if (!columns.every((c, i) => filled[i] === c.toLowerCase())) return null;
    return Object.fromEntries(columns.map((c, i) => [c, i]));
  };
}

/** The header the repository's samples are written with (one of the variants below). */
export const HOME_OFFICE_COLUMNS = [
  "Financial Year",
  "Financial Quarter",
  "Police Force",
  "CSP Name",
  "Offence Description",
  "Offence Group",
  "Offence Subgroup",
  "Offence Code",
  "Offence Count",
] as const;

/**
 * A Home Office table's columns by the names editions print (case-insensitive): the current
 * edition `Force Name ... Offence Count`, older ones `Number of Offences`, the samples `Police Force`.
 */
export const HOME_OFFICE_COLUMN_NAMES: Record<string, string[]> = {
  "Financial Year": ["financial year"],
  "Financial Quarter": ["financial quarter"],
  "Force Name": ["force name", "police force"],
  "CSP Name": ["csp name"],
  "Offence Description": ["offence description"],
  "Offence Group": ["offence group"],
  "Offence Subgroup": ["offence subgroup", "offence sub-group", "offence sub group"],
  "Offence Code": ["offence code"],
  "Offence Count": ["offence count", "number of offences"],
};

/** Each column's position, or the columns missing; null when the header has no `CSP Name` (not this layout). */
function homeOfficeColumns(cells: string[]): { columns: Record<string, number>; missing: string[] } | null {
  const names = cells.map(normal);
  if (!names.includes("csp name")) return null;
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const [column, variants] of Object.entries(HOME_OFFICE_COLUMN_NAMES)) {
    const at = names.findIndex((n) => variants.includes(n));
    if (at < 0) missing.push(`${column} (or ${variants.slice(1).join(", ") || "no other name"})`);
    else columns[column] = at;
  }
  return { columns, missing };
}

export const POLICE_UK_COLUMNS = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
] as const;

/** The ONS lookup's columns by edition year (`LAD24CD` ...): the named columns, wherever they stand. */
function onsLookupHeader(cells: string[]): Record<string, number> | null {
  const names = cells.map((c) => c.trim().toUpperCase());
  const lad = names.findIndex((n) => /^LAD\d\dCD$/.test(n));
  if (lad < 0) return null;
  const yy = names[lad].slice(3, 5);
  const at = (name: string) => names.indexOf(name.replace("YY", yy));
  const columns = {
    ladCode: lad,
    ladName: at("LADYYNM"),
    cspCode: at("CSPYYCD"),
    cspName: at("CSPYYNM"),
    force: at("PFAYYNM"),
  };
  // The edition is the year of the column names (LAD17CD: the 2017 edition).
  return Object.values(columns).every((i) => i >= 0) ? { ...columns, edition: 2000 + Number(yy) } : null;
}

/** `Code, Name, Geography` (`Geography1` in 2019 editions), `All ages`, then single years of age. */
function midYearHeader(cells: string[]): Record<string, number> | null {
  const names = cells.map(normal);
  if (names[0] !== "code" || names[1] !== "name" || !/^geography1?$/.test(names[2] ?? "") || names[3] !== "all ages")
    return null;
  return { code: 0, name: 1, geography: 2, allAges: 3 };
}

export const LAYOUTS: Layout[] = [
  {
    kind: "HOME_OFFICE_CSP_TABLE",
    description:
      "Home Office police recorded crime by Community Safety Partnership (CSV, XLSX or ODS; one sheet per financial year)",
    header:
      "Financial Year, Financial Quarter, Force Name (or Police Force), CSP Name, Offence Description, Offence Group, Offence Subgroup, Offence Code, Offence Count (or Number of Offences)",
    match: (cells) => {
      const found = homeOfficeColumns(cells);
      return found && found.missing.length === 0 ? found.columns : null;
    },
  },
  {
    kind: "POLICE_UK_STREET",
    description: "police.uk street-level crime (CSV, one force and month)",
    header: POLICE_UK_COLUMNS.join(","),
    match: exactHeader([...POLICE_UK_COLUMNS]),
  },
  {
    kind: "ONS_CSP_LOOKUP",
    description: "ONS Local Authority District to Community Safety Partnership to PFA lookup",
    header: "LAD24CD, LAD24NM, CSP24CD, CSP24NM, PFA24NM (or another edition's year, e.g. LAD23CD ...)",
    match: onsLookupHeader,
  },
  {
    kind: "ONS_MID_YEAR_ESTIMATES",
    description: "ONS mid-year population estimates, sheet MYE2 - Persons",
    header: "Code, Name, Geography (or Geography1), All ages, then single years of age",
    match: midYearHeader,
  },
];

/** Headers the importer knows but refuses: said plainly, so they are not mistaken for the right file. */
export function knownWrongLayout(cells: string[]): string | null {
  const names = new Set(cells.map(normal));
  const homeOffice = homeOfficeColumns(cells);
  if (homeOffice && homeOffice.missing.length > 0) {
    return `a Home Office table by CSP (it has CSP Name) without the column${homeOffice.missing.length === 1 ? "" : "s"} ${homeOffice.missing.join("; ")}`;
  }
  // Told from the CSP table by the absence of CSP Name, never by the other columns' names.
  if (
    !homeOffice &&
    (names.has("force name") || names.has("police force")) &&
    (names.has("number of offences") || names.has("offence count"))
  ) {
    return "this is the Home Office's force-level table (no CSP Name column), not the table by Community Safety Partnership";
  }
  return null;
}

export function recognise(cells: string[]): { layout: Layout; columns: Record<string, number> } | null {
  for (const layout of LAYOUTS) {
    const columns = layout.match(cells);
    if (columns) return { layout, columns };
  }
  return null;
}

export function expectedLayouts(): string {
  return LAYOUTS.map((l) => `  - ${l.description}: ${l.header}`).join("\n");
}
