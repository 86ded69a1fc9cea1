/**
 * A number as the pages show it: the value, and on hover or keyboard focus where it comes
 * from (the document by its title, with its publisher, date, file name and table) and its
 * period as printed. Projections, corrected figures and figures the documents contradict
 * carry a visible mark.
 */
import { type Html, html } from "./escape";
import { basisText, formatCount, formatDate, formatDateTime, periodDates, type PeriodLike } from "./format";
import type { CrimeStatistic, FigureCorrection, Source } from "./generated/schema";

/** Where something was published: the document and its table; its title, publisher and date where the query asks for them. */
export type SourceLike = Pick<Source, "document" | "locator"> &
  Partial<Pick<Source, "title" | "publisher" | "published">>;

/** A correction of a published count, oldest first. */
export type CorrectionLike = Pick<FigureCorrection, "previousCount" | "count" | "correctedAt" | "note"> & {
  source: SourceLike | null;
};

/** A published count as statisticFigure shows it: its period and source, and whichever of the rest the query asks for. */
export type StatisticLike = Pick<CrimeStatistic, "count"> &
  Partial<Pick<CrimeStatistic, "localLabel" | "notes">> & {
    period: PeriodLike;
    source: SourceLike;
    differingFigures?: (Pick<CrimeStatistic, "count"> & { source: SourceLike })[];
    corrections?: CorrectionLike[];
  };

export interface Provenance {
  source?: SourceLike | null;
  sources?: SourceLike[];
  period?: PeriodLike | null;
  /** Further lines for the tip, e.g. "computed from the counts". */
  lines?: string[];
}

/** A document's name as printed on a page: its title, else (a file the graph has no title for) its file name. */
export const documentName = (source: SourceLike): string => source.title ?? source.document;

/** A document and table as a reader knows them: "<title>, Figure 3". */
export function sourceText(source: SourceLike): string {
  return `${documentName(source)}, ${source.locator}`;
}

/** Who published the document and when, then its file name and table: the lines of a tip. */
function documentLines(source: SourceLike): string[] {
  if (!source.title) return [];
  const published = source.published ? `, ${formatDate(source.published)}` : ", undated";
  return [`${source.publisher ?? "Publisher not recorded"}${published}`, `File: ${source.document}, ${source.locator}`];
}

/**
 * A document named by its title on the page (with its table, unless the page names that
 * already); its publisher, date, file name and table on hover or focus.
 */
export function documentReference(source: SourceLike, withLocator = true): Html {
  return html`<span class="figure document" tabindex="0"><span class="value">${withLocator ? sourceText(source) : documentName(source)}</span><span class="tip" role="tooltip">${[
    `Source: ${documentName(source)}`,
    ...documentLines(source),
    ...(source.title ? [] : [`Table: ${source.locator}`]),
  ].map((line) => html`<span>${line}</span>`)}</span></span>`;
}

/** Any shown value with its provenance, focusable so the tip opens from the keyboard too. */
export function sourced(value: string | Html, provenance: Provenance, marks: Html[] = [], number = false): Html {
  const sources = provenance.sources ?? (provenance.source ? [provenance.source] : []);
  const period = provenance.period;
  return html`<span class="figure${number ? " number" : ""}" tabindex="0"><span class="value">${value}</span>${marks}<span class="tip" role="tooltip">${sources.map(
    (source) =>
      html`<span>Source: ${sourceText(source)}</span>${documentLines(source).map((line) => html`<span class="document-line">${line}</span>`)}`,
  )}${period ? html`<span>Period: ${period.label} (${periodDates(period)}${period.basis ? `, ${basisText(period.basis)}` : ""})</span>` : ""}${(
    provenance.lines ?? []
  ).map((line) => html`<span>${line}</span>`)}</span></span>`;
}

export function isProjection(statistic: { period: PeriodLike }): boolean {
  return statistic.period.basis === "PROJECTION";
}

/** A published count with its source and period; marked when a projection, corrected or contradicted. */
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
  for (const c of statistic.corrections ?? []) lines.push(correctionText(c));
  if (statistic.corrections?.length) marks.push(html`<span class="mark corrected">corrected</span>`);
  return sourced(
    formatCount(statistic.count),
    { source: statistic.source, period: statistic.period, lines },
    marks,
    true,
  );
}

/** A computed or published number (kept on one line, right-aligned in tables). */
export function sourcedNumber(value: string, provenance: Provenance, marks: Html[] = []): Html {
  return sourced(value, provenance, marks, true);
}

/** "Corrected from 2,799 to 2,810 on 4 December 2026, 23:48 UTC (Melton CSP performance report, Table 2): the note". */
export function correctionText(c: CorrectionLike): string {
  return `Corrected from ${formatCount(c.previousCount)} to ${formatCount(c.count)} on ${formatDateTime(c.correctedAt)}${c.source ? ` (${sourceText(c.source)})` : ""}${
    c.note ? `: ${c.note}` : ""
  }`;
}
