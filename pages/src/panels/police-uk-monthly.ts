/**
 * A partnership's police.uk months: rows of the street-level files in its districts, crimes and
 * anti-social behaviour apart. police.uk's counts, neither the Home Office's nor the partnership's.
 */
import { type Html, html } from "../escape";
import { formatCount } from "../format";
import { type SourceLike, sourcedNumber } from "../figure";
import type { NationalPositionQuery_partnership_policeUkMonthly as PoliceUkMonthlyData } from "../generated/operations";
import { dataTable } from "../table";
import { shortName } from "../types";

const ASB = "Anti-social behaviour";

function distinctSources(rows: PoliceUkMonthlyData[]): SourceLike[] {
  return [...new Map(rows.map((r) => [`${r.source.document}|${r.source.locator}`, r.source])).values()];
}

function total(rows: PoliceUkMonthlyData[], what: string): Html | string {
  if (!rows.length) return html`<span class="none">0</span>`;
  const sum = rows.reduce((n, r) => n + r.count, 0);
  return sourcedNumber(formatCount(sum), { sources: distinctSources(rows), period: rows[0].period, lines: [what] });
}

export function policeUkMonthlyBody(name: string, monthly: PoliceUkMonthlyData[]): Html {
  const who = shortName(name);
  if (!monthly.length) return html`<p class="notice empty">No police.uk months are held for ${who}.</p>`;
  const months = [...new Set(monthly.map((m) => m.month))].sort();
  return html`<p>Rows of police.uk's street-level files located in ${who}'s districts, one per crime or anti-social behaviour incident: <strong>police.uk's counts</strong>, neither the Home Office's tables nor ${who}'s own published figures. Rows with no location are in no partnership. A month not listed is not held, not zero.</p>
${dataTable({
  caption: `${who}: police.uk street-level rows by month`,
  head: ["Month", "Crimes", ASB, "All rows"],
  rows: months.map((month) => {
    const rows = monthly.filter((m) => m.month === month);
    const crimes = rows.filter((r) => r.crimeType !== ASB);
    return [
      html`${month}${rows.some((r) => r.sampleData) ? html` <span class="mark sample">sample</span>` : ""}`,
      total(crimes, `Every crime type but ${ASB}, summed (${crimes.length} types)`),
      total(
        rows.filter((r) => r.crimeType === ASB),
        "Incidents, not crimes",
      ),
      total(rows, "Crimes and anti-social behaviour incidents"),
    ];
  }),
  rowHeaders: true,
})}`;
}
