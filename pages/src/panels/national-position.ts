/**
 * A partnership's place in the Home Office's CSP tables, one row per financial year held: the
 * Home Office's count, ranks in England and Wales and within the force, never mixed with the
 * partnership's own published figures (those are in its Crime figures section).
 */
import { type Html, html } from "../escape";
import { type PeriodLike, formatCount, formatRate } from "../format";
import { type SourceLike, sourced, sourcedNumber } from "../figure";
import type {
  NationalPositionQuery_partnership_nationalPositions,
  NationalPositionQuery_partnership_nationalPositions_row,
} from "../generated/operations";
import { dataTable } from "../table";
import { shortName } from "../types";

/** One financial year of the partnership's national position, and its row in the Home Office's table. */
type NationalYearPositionData = NationalPositionQuery_partnership_nationalPositions;
type NationalRowData = NationalPositionQuery_partnership_nationalPositions_row;

/** No figure, with why on focus; aligned with the numbers of its column. */
const none = (why: string, provenance: { sources?: SourceLike[]; period?: PeriodLike } = {}) =>
  sourced(html`<span class="none">–</span>`, { ...provenance, lines: [why] }, [], true);

const quarterList = (quarters: number[]) => quarters.map((q) => `Q${q}`).join(", ");

/** "Complete" or which quarters are held, each held quarter's count with its own period. */
function quartersCell(position: NationalYearPositionData, row: NationalRowData): Html {
  if (row.complete && position.complete) return html`Complete (Q1 to Q4)`;
  const missing = [1, 2, 3, 4].filter((q) => !row.quarters.some((x) => x.quarter === q));
  return html`Incomplete: ${quarterList(row.quarters.map((q) => q.quarter))} held${missing.length ? `, ${quarterList(missing)} not` : ""}<br>${row.quarters.map(
    (q, i) =>
      html`${i ? " · " : ""}Q${q.quarter} ${sourcedNumber(formatCount(q.count), { sources: position.sources, period: q.period, lines: ["One quarter as the Home Office table holds it"] })}`,
  )}`;
}

function yearRow(position: NationalYearPositionData): (string | Html)[] {
  const year = html`${position.financialYear}${position.sampleData ? html` <span class="mark sample">sample</span>` : ""}`;
  const provenance = { sources: position.sources, period: position.period };
  const row = position.row;
  if (!position.mapped || !row) {
    const why = position.unmappedReason ?? "The Home Office table holds no row for this CSP in this year";
    return [year, none(why, provenance), none(why), none(why), none(why), none(why), why];
  }
  const count =
    row.count === null
      ? none(`No year's count: only ${quarterList(row.quarters.map((q) => q.quarter))} held`, provenance)
      : sourcedNumber(formatCount(row.count), { ...provenance, lines: ["The four quarters summed"] });
  const rank =
    row.rank === null
      ? none("Not ranked: the year is not complete", provenance)
      : sourcedNumber(`${row.rank} of ${position.groupSize}`, {
          ...provenance,
          lines: [
            `Rank by count among the ${position.groupSize} CSPs of England and Wales ranked this year (1 = highest)`,
          ],
        });
  const rateLines =
    row.population === null
      ? []
      : [`Count / population ${formatCount(row.population)} (ONS mid-${row.populationYear} estimate) x 1,000`];
  const rate =
    row.ratePer1000 === null
      ? none(`No rate: ${row.rateUnavailableReason ?? "not computed"}`, provenance)
      : sourcedNumber(formatRate(row.ratePer1000), {
          sources: [...position.sources, ...position.populationSources],
          period: position.period,
          lines: rateLines,
        });
  const rankByRate =
    row.rankByRate === null
      ? none(`Not ranked by rate: ${row.rateUnavailableReason ?? "no rate"}`, provenance)
      : sourcedNumber(`${row.rankByRate} of ${position.groupSizeByRate}`, {
          ...provenance,
          lines: [
            `Rank by rate per 1,000 among the ${position.groupSizeByRate} CSPs with a rate this year (1 = highest)`,
          ],
        });
  const force = row.forcePosition;
  const inForce =
    !force || force.rank === null
      ? none("Not ranked: the year is not complete", provenance)
      : sourcedNumber(
          `${force.rank} of ${force.of}${force.rankByRate !== null ? `; by rate ${force.rankByRate} of ${force.of}` : ""}`,
          {
            ...provenance,
            lines: [`Rank among the ${force.of} CSPs of the ${force.policeForce} police force area (1 = highest)`],
          },
        );
  return [year, count, rank, rate, rankByRate, inForce, quartersCell(position, row)];
}

/** The SAMPLE warning: the repository's made-up counts are never to be quoted. */
export function sampleWarning(what: string): Html {
  return html`<div class="notice warning sample-data" role="note"><strong>SAMPLE data: made-up counts, never to quote.</strong> ${what} come from the repository's sample files, built to exercise the system, not from a published table. Import the real files with <code>pnpm national:import</code>.</div>`;
}

export function nationalPositionBody(name: string, positions: NationalYearPositionData[]): Html {
  const who = shortName(name);
  if (!positions.length) {
    return html`<p class="notice empty">No Home Office tables are held yet, so ${who} has no national position to show. They are imported with <code>pnpm national:import</code>.</p>`;
  }
  const row = positions.find((p) => p.row)?.row;
  if (!row) return html`<p class="notice empty">The Home Office tables held have no row for ${who}.</p>`;
  const category = positions[0].category.name;
  return html`${positions.some((p) => p.sampleData) ? sampleWarning("These national figures") : ""}
<p>The <strong>Home Office's</strong> police recorded crime figures for ${row.csp.name} (CSP ${row.csp.code ?? "without a code"}, ${row.csp.policeForce} police force area), from its tables by Community Safety Partnership: <strong>not ${who}'s own published figures</strong>, which are under <a href="#figures">Crime figures</a> and may differ (other extract dates and definitions).
All crime here is police recorded crime excluding fraud. Ranks: 1 = highest. A year's count is its four quarters summed, and only when all four are held.</p>
${dataTable({
  // Short enough to read at phone width, where the table scrolls under its caption.
  caption: `${who}: ${category.toLowerCase()}, Home Office tables`,
  head: [
    "Financial year",
    "Count",
    "Rank in England and Wales",
    "Rate per 1,000",
    "Rank by rate",
    `Within ${row.csp.policeForce}`,
    "Quarters",
  ],
  rows: positions.map(yearRow),
  rowHeaders: true,
  className: "national-position",
})}`;
}
