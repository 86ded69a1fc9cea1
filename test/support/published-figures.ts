import type { SystemClient } from "./system-client";

export interface SourceRef {
  document: string;
  locator: string;
}

export interface ServedFigure {
  /** The registry code of the partnership serving it, or null for a county row. */
  partnership: string | null;
  /** The county's published area (e.g. Leicestershire) when the county serves it. */
  countyArea: string | null;
  /** The police beat it belongs to (its short name), or null when partnership-wide. */
  area: string | null;
  id: string;
  count: number;
  localLabel: string;
  notes: string[];
  category: { id: string };
  period: { label: string; start: string; end: string; basis: string };
  source: SourceRef;
  alsoPublishedIn: SourceRef[];
  differingFigures: { count: number; source: SourceRef }[];
  change: {
    difference: number;
    percent: number | null;
    previous: { id: string; count: number; period: { label: string }; source: SourceRef };
  } | null;
}

const FIGURE = `fragment Figure on CrimeStatistic {
  id count localLabel notes category { id } period { label start end basis } source { document locator }
  alsoPublishedIn { document locator } differingFigures { count source { document locator } }
  change { difference percent previous { id count period { label } source { document locator } } }
}`;

/** Every count the system serves, through the gateway: partnership-wide, per police beat, and the county's rows. */
export async function servedFigures(t: SystemClient): Promise<ServedFigure[]> {
  const { data, errors } = await t.query(`${FIGURE}
    {
      partnerships { code crimeStatistics { ...Figure } areas { name crimeStatistics { ...Figure } } }
      county { publishedAreas { name crimeStatistics { ...Figure } } }
    }`);
  if (errors) throw new Error(JSON.stringify(errors));
  const figures: ServedFigure[] = [];
  for (const p of data.partnerships) {
    for (const s of p.crimeStatistics) figures.push({ ...s, partnership: p.code, countyArea: null, area: null });
    for (const a of p.areas)
      for (const s of a.crimeStatistics) figures.push({ ...s, partnership: p.code, countyArea: null, area: a.name });
  }
  for (const a of data.county.publishedAreas)
    for (const s of a.crimeStatistics) figures.push({ ...s, partnership: null, countyArea: a.name, area: null });
  return figures;
}

/** The figure was printed in the table: its own source, or another table that prints the same count. */
export function publishedIn(figure: ServedFigure, table: SourceRef): boolean {
  return [figure.source, ...figure.alsoPublishedIn].some(
    (s) => s.document === table.document && s.locator === table.locator,
  );
}

/** Percentage change from `from` to `to`, rounded half away from zero to `places` decimals, as an integer of 10^-places. Exact: integer arithmetic only. */
export function roundedPercent(from: number, to: number, places: number): number {
  const numerator = (to - from) * 100 * 10 ** places;
  const whole = Math.floor(Math.abs(numerator) / from);
  const rest = Math.abs(numerator) % from;
  return Math.sign(numerator) * (2 * rest >= from ? whole + 1 : whole);
}

/** A printed percentage ("+47.4%", "-8%", "9.9", "+58.1 %") as an integer of 10^-places, with its places. */
export function parsePrinted(printed: string): { scaled: number; places: number } {
  const text = printed.replace(/[%+\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`Not a printed percentage: ${printed}`);
  const places = text.includes(".") ? text.split(".")[1].length : 0;
  return { scaled: Number(text.replace(".", "")), places };
}

/** An integer of 10^-places shown as the document would print it: "+4.7%". */
export function showPercent(scaled: number, places: number): string {
  const sign = scaled > 0 ? "+" : scaled < 0 ? "-" : "";
  const digits = String(Math.abs(scaled)).padStart(places + 1, "0");
  return `${sign}${places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits}%`;
}
