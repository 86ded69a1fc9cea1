/** County crime totals for one category and one period that exists in the data. */
import { chartSlot, colourFor } from "../charts";
import { type Html, html } from "../escape";
import {
  type PeriodLike,
  basisText,
  formatCount,
  formatPercent,
  formatRate,
  formatSigned,
  periodDates,
} from "../format";
import { correctionText, documentReference, sourcedNumber, statisticFigure } from "../figure";
import type {
  CountyCrimeTotalsQuery_county_crimeTotals,
  CountyCrimeTotalsQuery_county_crimeTotals_population,
  CountyCrimeTotalsQuery_county_crimeTotals_publishedDifferences_explainedBy,
} from "../generated/operations";
import { dataTable } from "../table";
import { shortName } from "../types";

/** The county total for one category and period, as the crime totals query reads it. */
type CrimeTotalData = CountyCrimeTotalsQuery_county_crimeTotals;
type Population = CountyCrimeTotalsQuery_county_crimeTotals_population;

function explanation(figure: CountyCrimeTotalsQuery_county_crimeTotals_publishedDifferences_explainedBy): Html {
  const part = figure.difference === null ? "" : ` (${formatSigned(figure.difference)})`;
  const why =
    figure.reason === "CORRECTED"
      ? (figure.statistic.corrections ?? []).map(correctionText).join("; then ")
      : html`from ${documentReference(figure.statistic.source)}, not from the printed total's table${
          figure.difference === null ? ", which prints no figure for it" : ""
        }`;
  return html`<li><strong>${shortName(figure.partnership.name)}</strong> ${statisticFigure(figure.statistic)}: ${why}${part}</li>`;
}

/** Says where the sum differs from a total printed for the county, and why. */
function differences(totals: CrimeTotalData): Html {
  if (!totals.publishedDifferences.length) {
    const equal =
      totals.complete && totals.total !== null && totals.publishedCountyFigures.some((f) => f.count === totals.total);
    return equal ? html`<p class="sources">The sum equals the total printed for the county.</p>` : html``;
  }
  return html`${totals.publishedDifferences.map(
    (d) =>
      html`<div class="notice warning published-difference" role="note"><p>The sum, ${formatCount(totals.total ?? 0)}, is ${formatCount(Math.abs(d.difference))} ${
        d.difference > 0 ? "more" : "less"
      } than the county's printed ${d.published.localLabel}, ${formatCount(d.published.count)} (${documentReference(d.published.source)}). ${
        d.explainedBy.length ? "Corrected or added since:" : ""
      }</p>${d.explainedBy.length ? html`<ul>${d.explainedBy.map(explanation)}</ul>` : ""}${
        d.unexplained !== 0
          ? html`<p>${formatSigned(d.unexplained)} is not explained by a corrected or added figure.</p>`
          : html`<p>Together they explain the whole difference.</p>`
      }</div>`,
  )}`;
}

const reasonWords: Record<string, string> = {
  NOT_PUBLISHED: "has published no figure for this period",
  PROJECTION_ONLY: "has published only a projection for this period (never added to a total)",
  UNAVAILABLE: "did not answer",
};

function rate(value: number | null, population: Population | null, count: number): Html {
  if (value === null || !population) return html`–`;
  return sourcedNumber(formatRate(value), {
    source: { document: population.source, locator: `population ${population.year}` },
    lines: [`${formatCount(count)} per ${formatCount(population.count)} residents (${population.year}), times 1,000`],
  });
}

function changeCell(change: CrimeTotalData["partnerships"][number]["change"]): Html {
  if (!change) return html`<span class="none">no figure a year before</span>`;
  return sourcedNumber(`${formatSigned(change.difference)} (${formatPercent(change.percent)})`, {
    source: change.previous.source,
    period: change.previous.period,
    lines: [`Compared with ${formatCount(change.previous.count)} a year before, computed from the counts`],
  });
}

export function crimeTotalsBody(totals: CrimeTotalData, period: PeriodLike): Html {
  const rows = [...totals.partnerships].sort((a, b) => a.rank - b.rank);
  const totalLine =
    totals.total === null
      ? html`<p class="total">No total: no member partnership has a recorded figure for this period.</p>`
      : html`<p class="total"><span class="big">${sourcedNumber(formatCount(totals.total), {
          sources: totals.sources,
          period,
          lines: [`The sum of ${rows.length} partnerships' recorded counts for exactly this period`],
        })}</span> ${totals.category.name.toLowerCase()}, ${period.label} (${periodDates(period)}, ${basisText(period.basis)}):
<strong class="${totals.complete ? "complete" : "incomplete"}">${totals.complete ? "complete" : "incomplete"}</strong>${
          totals.complete
            ? ", every member partnership counted."
            : html`: ${totals.missing.length} of ${rows.length + totals.missing.length} partnerships missing.`
        }${totals.ratePer1000 !== null && totals.population ? html` Rate ${rate(totals.ratePer1000, totals.population, totals.total)} per 1,000.` : ""}${
          totals.change
            ? html` Change on ${totals.change.previousPeriod.label}: ${sourcedNumber(
                `${formatSigned(totals.change.difference)} (${formatPercent(totals.change.percent)})`,
                {
                  period: totals.change.previousPeriod,
                  lines: [`Previous total ${formatCount(totals.change.previousTotal)}, computed from the counts`],
                },
              )}.`
            : ""
        }</p>
<p class="sources">Sources: ${totals.sources.length ? totals.sources.map((s, i) => html`${i ? "; " : ""}${documentReference(s)}`) : "none"}.</p>`;
  const missing = totals.missing.length
    ? html`<div class="notice warning"><p>Missing from this total:</p><ul>${totals.missing.map(
        (m) =>
          html`<li><strong>${shortName(m.partnership.name)}</strong> ${reasonWords[m.reason] ?? m.reason}${
            m.projections.length ? html` (projection ${m.projections.map((p) => statisticFigure(p))})` : ""
          }.</li>`,
      )}</ul></div>`
    : "";
  const published = totals.publishedCountyFigures.length
    ? html`<p>As published for the county: ${totals.publishedCountyFigures.map((f) => html`${f.localLabel} ${statisticFigure(f)} `)}</p>`
    : "";
  const table = dataTable({
    caption: `${totals.category.name}, ${period.label} (${periodDates(period)}), by partnership`,
    head: ["Rank", "Partnership", "Count", "Rate per 1,000", "Rank by rate", "Change on the year before"],
    keyColumn: 1,
    rows: rows.map((r) => [
      sourcedNumber(String(r.rank), { period, lines: ["Ranked by count among the partnerships counted: 1 = highest"] }),
      html`<a href="/partnerships/${r.partnership.code}">${shortName(r.partnership.name)}</a>`,
      statisticFigure(r.statistic),
      rate(r.ratePer1000, r.population, r.count),
      r.rateRank === null
        ? "–"
        : sourcedNumber(String(r.rateRank), { period, lines: ["Ranked by rate per 1,000: 1 = highest"] }),
      changeCell(r.change),
    ]),
  });
  const chart = rows.length
    ? chartSlot(
        {
          type: "bar",
          data: {
            labels: rows.map((r) => shortName(r.partnership.name)),
            datasets: [
              {
                label: `${totals.category.name}, ${period.label}`,
                data: rows.map((r) => r.count),
                backgroundColor: rows.map((r) => colourFor(r.partnership.code)),
              },
            ],
          },
          options: { indexAxis: "y", plugins: { legend: { display: false } } },
        },
        `Bar chart of ${totals.category.name} by partnership for ${period.label}; the table beside it has the figures.`,
      )
    : "";
  return html`${totalLine}${missing}${published}${differences(totals)}<div class="table-and-chart">${table}${chart}</div>`;
}
