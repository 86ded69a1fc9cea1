/** The sections of a partnership's page, also used by its printable briefing. */
import { chartSlot, colourFor } from "../charts";
import { type Html, html } from "../escape";
import { formatDate, formatMoney, formatPercent, formatSigned, periodDates } from "../format";
import { documentName, documentReference, sourced, sourcedNumber, statisticFigure } from "../figure";
import type { PartnershipData, PartnershipStatistic as Statistic } from "../partnership-data";
import { periodKey } from "../periods";
import { dataTable } from "../table";
import { shortName } from "../types";
import { alignmentText } from "./alignment-matrix";

const nothing = (p: PartnershipData, what: string) =>
  html`<p class="notice empty">${shortName(p.name)} has published no ${what}.</p>`;

export function plansSection(p: PartnershipData, currentOnly = false): Html {
  const plans = (p.plans ?? []).filter((plan) => !currentOnly || plan.current);
  if (!plans.length) return nothing(p, "plan or priorities");
  return html`${plans.map(
    (
      plan,
    ) => html`<article class="plan"><h3>${plan.period.label}: ${sourced(plan.title, { source: plan.source, period: plan.period })}${
      plan.current ? html`<span class="current-flag">current</span>` : ""
    }</h3>
${dataTable({
  caption: `Priorities ${plan.period.label} (${periodDates(plan.period)}) and their CSA alignment`,
  head: ["Theme", "Priority", "Serves CSA priorities"],
  keyColumn: 1,
  stack: "blocks",
  rows: plan.priorities.map((priority) => [
    priority.theme?.title ?? (priority.crossCutting ? "Cross-cutting" : ""),
    html`${priority.ref ? `${priority.ref} ` : ""}${sourced(priority.title, { source: priority.source, period: priority.period })}${
      priority.mandatory ? html` <span class="mark">mandatory</span>` : ""
    }${priority.focusAreas.length ? html`<ul>${priority.focusAreas.map((f) => html`<li>${f.text}</li>`)}</ul>` : ""}`,
    priority.csaAlignment.length
      ? html`<ul class="alignment">${priority.csaAlignment.map((a) => html`<li>${a.priority.number}. ${a.priority.title}: ${alignmentText(a)}</li>`)}</ul>`
      : html`<span class="none">none: a local priority outside the agreement</span>`,
  ]),
})}</article>`,
  )}`;
}

/** Figures grouped as the documents print them: one table per source table, rows by label, columns by period. */
function tablesOf(statistics: Statistic[]): { source: Statistic["source"]; statistics: Statistic[] }[] {
  const tables = new Map<string, { source: Statistic["source"]; statistics: Statistic[] }>();
  for (const s of statistics) {
    const key = `${s.source.document}|${s.source.locator}`;
    const table = tables.get(key) ?? { source: s.source, statistics: [] };
    table.statistics.push(s);
    tables.set(key, table);
  }
  return [...tables.values()];
}

function layout(statistics: Statistic[]) {
  const periods = new Map<string, Statistic["period"]>();
  const rows = new Map<string, Map<string, Statistic>>();
  for (const s of statistics) {
    periods.set(periodKey(s.period) + s.period.basis, s.period);
    const row = rows.get(s.localLabel) ?? new Map();
    row.set(periodKey(s.period) + s.period.basis, s);
    rows.set(s.localLabel, row);
  }
  const ordered = [...periods.entries()].sort(
    (a, b) =>
      Number(a[1].basis === "PROJECTION") - Number(b[1].basis === "PROJECTION") ||
      a[1].start.localeCompare(b[1].start) ||
      a[1].end.localeCompare(b[1].end),
  );
  return { periods: ordered, rows: [...rows.entries()] };
}

export function figuresTable(caption: string, statistics: Statistic[], withChart: boolean): Html {
  const { periods, rows } = layout(statistics);
  const table = dataTable({
    caption,
    head: [
      "As printed",
      ...periods.map(
        ([, period]) =>
          html`${period.label}<br><span class="dates">${periodDates(period)}${period.basis === "PROJECTION" ? ", projection" : ""}</span>`,
      ),
    ],
    rows: rows.map(([label, byPeriod]) => [
      label,
      ...periods.map(([key]) =>
        byPeriod.get(key) ? statisticFigure(byPeriod.get(key)!) : html`<span class="none">–</span>`,
      ),
    ]),
    rowHeaders: true,
  });
  if (!withChart) return table;
  const chart = chartSlot(
    {
      type: "bar",
      data: {
        labels: rows.map(([label]) => label),
        datasets: periods.map(([key, period], i) => ({
          label: `${period.label}${period.basis === "PROJECTION" ? " (projection)" : ""}`,
          data: rows.map(([, byPeriod]) => byPeriod.get(key)?.count ?? null),
          backgroundColor: period.basis === "PROJECTION" ? "rgba(120,120,120,0.35)" : colourFor(`period-${i}`),
          borderColor: period.basis === "PROJECTION" ? "#555" : colourFor(`period-${i}`),
          borderWidth: 1,
          borderDash: period.basis === "PROJECTION" ? [4, 3] : undefined,
        })),
      },
      options: { indexAxis: rows.length > 4 ? "y" : "x", plugins: { legend: { position: "bottom" } } },
    },
    `${caption}: bars per row and period; the table beside it has the figures and their sources.`,
  );
  return html`<div class="table-and-chart">${table}${chart}</div>`;
}

export function figuresSection(p: PartnershipData): Html {
  const statistics = p.crimeStatistics ?? [];
  if (!statistics.length) return nothing(p, "crime figures");
  return html`${tablesOf(statistics).map(
    (t) =>
      html`<h3>${t.source.locator} <span class="dates">${documentReference(t.source, false)}</span></h3>${figuresTable(`${t.source.locator} (${documentName(t.source)})`, t.statistics, true)}`,
  )}`;
}

const ragWords = { MET: "Met", NOT_MET: "Not met", NO_DATA: "No data" } as const;

export function targetsSection(p: PartnershipData): Html {
  const targets = p.targets ?? [];
  if (!targets.length) return nothing(p, "targets");
  return dataTable({
    caption: `Performance against targets: ${targets[0].targetPeriod.label} compared with ${targets[0].baselinePeriod.label} (${documentName(targets[0].source)}, ${targets[0].source.locator})`,
    head: ["Crime type", "Target", "Baseline", "Outcome", "Change", "Status"],
    rows: targets.map((t) => {
      const change = t.baseline && t.outcome ? t.outcome.count - t.baseline.count : null;
      const percent = change !== null && t.baseline && t.baseline.count ? (change / t.baseline.count) * 100 : null;
      return [
        sourced(t.localLabel, { source: t.source }),
        t.direction === "REDUCTION" ? "Reduction" : "Increase",
        t.baseline ? statisticFigure(t.baseline) : "–",
        t.outcome ? statisticFigure(t.outcome) : "–",
        change === null
          ? "–"
          : sourcedNumber(`${formatSigned(change)} (${formatPercent(percent)})`, {
              lines: ["Computed from the two counts"],
            }),
        html`<span class="rag rag-${t.status.toLowerCase().replace("_", "-")}">${ragWords[t.status]}</span>`,
      ];
    }),
    rowHeaders: true,
    className: "targets",
  });
}

export function beatsSection(p: PartnershipData, withChart: boolean): Html {
  const areas = p.areas ?? [];
  if (!areas.length) return nothing(p, "police-beat figures");
  const all = areas.flatMap((a) => a.crimeStatistics);
  const { periods } = layout(all);
  const measures = [...new Set(all.map((s) => s.localLabel))];
  const table = dataTable({
    caption: `Police beats: ${measures.join(", ")} (${documentName(all[0].source)}, ${all[0].source.locator})`,
    head: [
      "Beat",
      ...measures.flatMap((m) => periods.map(([, period]) => html`${m}<br><span class="dates">${period.label}</span>`)),
    ],
    rows: areas.map((area) => [
      sourced(area.name, { source: area.source, lines: [area.localLabel] }),
      ...measures.flatMap((m) =>
        periods.map(([key]) => {
          const s = area.crimeStatistics.find(
            (x) => x.localLabel === m && periodKey(x.period) + x.period.basis === key,
          );
          return s ? statisticFigure(s) : html`<span class="none">–</span>`;
        }),
      ),
    ]),
    rowHeaders: true,
    className: "beats",
  });
  if (!withChart) return table;
  const first = measures[0];
  const chart = chartSlot(
    {
      type: "bar",
      data: {
        labels: areas.map((a) => a.name),
        datasets: periods.map(([key, period], i) => ({
          label: `${first}, ${period.label}`,
          data: areas.map(
            (a) =>
              a.crimeStatistics.find((x) => x.localLabel === first && periodKey(x.period) + x.period.basis === key)
                ?.count ?? null,
          ),
          backgroundColor: colourFor(`period-${i}`),
        })),
      },
      options: { plugins: { legend: { position: "bottom" } } },
    },
    `${first} per police beat, by period; the table has every measure.`,
  );
  return html`${table}<h3>${first} per beat</h3>${chart}`;
}

export function fundingSection(p: PartnershipData): Html {
  const funding = p.funding ?? [];
  if (!funding.length) return nothing(p, "funding");
  return html`${funding.map(
    (
      f,
    ) => html`<h3>${f.label}: ${sourcedNumber(formatMoney(f.amount.pence), { source: f.source, period: f.period })} from ${f.funder}</h3>
${
  f.allocations.length
    ? dataTable({
        caption: `${f.label}: allocations`,
        head: ["Purpose", "Amount"],
        rows: f.allocations.map((a) => [
          a.purpose,
          sourcedNumber(formatMoney(a.amount.pence), { source: a.source, period: f.period }),
        ]),
        foot: [
          ["Allocated", sourcedNumber(formatMoney(f.allocated.pence), { lines: ["Sum of the allocations"] })],
          [
            "Unallocated",
            sourcedNumber(formatMoney(f.unallocated.pence), { lines: ["The amount less the allocations"] }),
          ],
        ],
      })
    : html`<p>No allocations published.</p>`
}`,
  )}`;
}

export function mostSimilarGroupSection(p: PartnershipData): Html {
  const groups = p.familyGroups ?? [];
  const tables = p.rateTables ?? [];
  if (!groups.length && !tables.length) return nothing(p, "Most Similar Group comparison");
  return html`${groups.map(
    (g) =>
      html`<h3>${g.name}</h3><p>Members: ${sourced(g.members.join(", "), { source: g.membersSource })}</p>${dataTable({
        caption: `${g.name}: positions`,
        head: ["Measure", "Position", "As at"],
        rows: g.positions.map((pos) => [
          pos.localLabel,
          sourcedNumber(`${pos.position} of ${pos.groupSize}`, {
            source: pos.source,
            lines: ["Position as printed (1 = highest)"],
          }),
          formatDate(pos.asAt),
        ]),
        rowHeaders: true,
      })}`,
  )}${tables.map(
    (t) =>
      html`<h3>${t.title}</h3>${dataTable({
        caption: `${t.title} (${t.measure})`,
        head: ["", ...t.periods.map((period) => period.label)],
        rows: t.rows.map((row) => [
          html`${row.self ? html`<strong>${row.name}</strong>` : row.name}${row.average ? " (average)" : ""}`,
          ...row.values.map((v) =>
            sourcedNumber(`${v.printed}${v.rank ? ` (rank ${v.rank}${v.tied ? "=" : ""})` : ""}`, {
              source: t.source,
              period: v.period,
              lines: ["Ranks computed from the table: 1 = highest"],
            }),
          ),
        ]),
        rowHeaders: true,
      })}${t.notes.map((n) => html`<p class="sources">${n}</p>`)}`,
  )}`;
}

export function partnersSection(p: PartnershipData): Html {
  const partners = p.partners ?? [];
  if (!partners.length) return nothing(p, "list of partners");
  return html`<ul class="partners">${partners.map((x) => html`<li>${sourced(x.name, { source: x.source })}</li>`)}</ul>`;
}

export function lastPublishedText(p: PartnershipData): string {
  return p.lastPublishedAt
    ? `Last published ${formatDate(p.lastPublishedAt)} at ${p.lastPublishedAt.slice(11, 16)} UTC`
    : "Nothing published through the graph since its data were transcribed from the source documents";
}
