/**
 * Trends of one category: one chart per kind of period, one line per partnership (and per
 * table, where a partnership published the category in two). Periods of different kinds
 * are never joined, and projections are points, never a line.
 */
import { chartSlot, colourFor } from "../charts";
import { type Html, html } from "../escape";
import { periodDates } from "../format";
import { statisticFigure } from "../figure";
import { axisLabel, periodKey, seriesKind, seriesKindText } from "../periods";
import { dataTable } from "../table";
import type {
  CountyOverviewQuery_partnerships,
  CountyOverviewQuery_partnerships_crimeStatistics as Statistic,
} from "../generated/operations";
import { shortName } from "../types";

interface Series {
  name: string;
  colourKey: string;
  /** A partnership's second table is drawn dashed, in the partnership's colour. */
  dashed: boolean;
  byPeriod: Map<string, Statistic>;
}

/** A table's locator short enough for a legend; the figure's tip has it in full. */
function tableName(locator: string): string {
  return locator.length > 24 ? `${locator.slice(0, 22).trimEnd()}…` : locator;
}

export function trendsBody(partnerships: CountyOverviewQuery_partnerships[], category: string): Html {
  const kinds = new Map<
    string,
    { text: string; periods: Map<string, Statistic["period"]>; series: Map<string, Series> }
  >();
  for (const p of partnerships) {
    const statistics = (p.crimeStatistics ?? []).filter((s) => s.category.id === category);
    const tables = new Set(statistics.map((s) => `${s.source.document}|${s.source.locator}`));
    for (const s of statistics) {
      const kindKey = seriesKind(s.period);
      const kind = kinds.get(kindKey) ?? { text: seriesKindText(s.period), periods: new Map(), series: new Map() };
      kinds.set(kindKey, kind);
      kind.periods.set(periodKey(s.period), s.period);
      const table = `${s.source.document}|${s.source.locator}`;
      const seriesKey = `${p.code}|${table}`;
      const series = kind.series.get(seriesKey) ?? {
        name: tables.size > 1 ? `${shortName(p.name)} (${tableName(s.source.locator)})` : shortName(p.name),
        colourKey: p.code,
        dashed: [...kind.series.keys()].some((key) => key.startsWith(`${p.code}|`)),
        byPeriod: new Map(),
      };
      series.byPeriod.set(periodKey(s.period), s);
      kind.series.set(seriesKey, series);
    }
  }
  if (!kinds.size) return html`<p>No partnership has published figures for this category.</p>`;
  const ordered = [...kinds.entries()].sort((a, b) => b[1].periods.size - a[1].periods.size);
  return html`${ordered.map(([kindKey, kind]) => {
    const periods = [...kind.periods.entries()].sort((a, b) => a[1].start.localeCompare(b[1].start));
    const series = [...kind.series.values()];
    const projection = kindKey.startsWith("PROJECTION");
    const chart = chartSlot(
      {
        type: "line",
        data: {
          labels: periods.map(([, p]) => axisLabel(p)),
          datasets: series.map((s) => ({
            label: s.name,
            data: periods.map(([key]) => s.byPeriod.get(key)?.count ?? null),
            borderColor: colourFor(s.colourKey),
            backgroundColor: colourFor(s.colourKey),
            showLine: !projection,
            spanGaps: false,
            pointRadius: 4,
            borderDash: s.dashed ? [6, 4] : undefined,
            pointStyle: projection ? "triangle" : "circle",
          })),
        },
        options: { scales: { y: { beginAtZero: true } }, plugins: { legend: { position: "bottom" } } },
      },
      `${kind.text}: ${series.length} series over ${periods.length} periods; the table beside it has the figures.`,
    );
    const table = dataTable({
      caption: kind.text,
      head: [
        "Partnership",
        ...periods.map(([, p]) => html`${axisLabel(p)}<br><span class="dates">${periodDates(p)}</span>`),
      ],
      rows: series.map((s) => [
        s.name,
        ...periods.map(([key]) => {
          const statistic = s.byPeriod.get(key);
          return statistic ? statisticFigure(statistic) : html`<span class="none">–</span>`;
        }),
      ]),
      rowHeaders: true,
    });
    return html`<h3>${kind.text}</h3><div class="table-and-chart">${table}${chart}</div>`;
  })}`;
}
