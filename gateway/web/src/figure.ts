/**
 * A number as the pages show it: the value, and on hover or keyboard focus where it comes
 * from (document and table) and its period as printed. Projections and figures the
 * documents contradict carry a visible mark.
 */
import { Html, html } from "./escape";
import { basisText, formatCount, periodDates, type PeriodLike } from "./format";

export interface SourceLike {
  document: string;
  locator: string;
}

export interface StatisticLike {
  count: number;
  localLabel?: string;
  period: PeriodLike;
  source: SourceLike;
  notes?: string[];
  differingFigures?: { count: number; source: SourceLike }[];
}

export interface Provenance {
  source?: SourceLike | null;
  sources?: SourceLike[];
  period?: PeriodLike | null;
  /** Further lines for the tip, e.g. "computed from the counts". */
  lines?: string[];
}

function sourceText(source: SourceLike): string {
  return `${source.document}, ${source.locator}`;
}

/** Any shown value with its provenance, focusable so the tip opens from the keyboard too. */
export function sourced(value: string | Html, provenance: Provenance, marks: Html[] = [], number = false): Html {
  const sources = provenance.sources ?? (provenance.source ? [provenance.source] : []);
  const period = provenance.period;
  return html`<span class="figure${number ? " number" : ""}" tabindex="0"><span class="value">${value}</span>${marks}<span class="tip" role="tooltip">${
    sources.length ? html`<span>Source: ${sources.map(sourceText).join("; ")}</span>` : ""
  }${period ? html`<span>Period: ${period.label} (${periodDates(period)}${period.basis ? `, ${basisText(period.basis)}` : ""})</span>` : ""}${(
    provenance.lines ?? []
  ).map((line) => html`<span>${line}</span>`)}</span></span>`;
}

export function isProjection(statistic: { period: PeriodLike }): boolean {
  return statistic.period.basis === "PROJECTION";
}

/** A published count with its source and period; marked when a projection or contradicted. */
export function statisticFigure(statistic: StatisticLike): Html {
  const marks: Html[] = [];
  const lines: string[] = [];
  if (statistic.localLabel) lines.push(`As printed: ${statistic.localLabel}`);
  if (isProjection(statistic)) marks.push(html`<span class="mark projection">projection</span>`);
  for (const other of statistic.differingFigures ?? []) {
    lines.push(`Contradicted: ${sourceText(other.source)} gives ${formatCount(other.count)} for the same period`);
  }
  if (statistic.differingFigures?.length) marks.push(html`<span class="mark contradicted">contradicted</span>`);
  for (const note of statistic.notes ?? []) lines.push(`Note: ${note}`);
  return sourced(formatCount(statistic.count), { source: statistic.source, period: statistic.period, lines }, marks, true);
}

/** A computed or published number (kept on one line, right-aligned in tables). */
export function sourcedNumber(value: string, provenance: Provenance, marks: Html[] = []): Html {
  return sourced(value, provenance, marks, true);
}
