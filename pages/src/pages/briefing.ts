/**
 * GET /partnerships/<code>/briefing: the scrutiny briefing, generated from the graph, laid
 * out for A4 (the browser's "Print to PDF" gives the panel's paper). The content of
 * Charnwood's hand-written report: performance against targets, police-beat figures, the
 * county comparison, the priorities with their CSA alignment, funding.
 */
import "../styles/briefing.css";
import { type Html, html, mount } from "../escape";
import { basisText, formatDate, formatRate, periodDates } from "../format";
import { type SourceLike, correctionText, documentName, sourceText, sourcedNumber, statisticFigure } from "../figure";
import { runQuery } from "../graphql";
import { startPage } from "../page";
import { problemsNotice } from "../panel";
import { type PartnershipData, publishedNothing } from "../partnership-data";
import {
  beatsSection,
  fundingSection,
  lastPublishedText,
  mostSimilarGroupSection,
  plansSection,
  targetsSection,
} from "../panels/partnership-sections";
import { axisLabel, recordedPeriods } from "../periods";
import { countyComparisonQuery, partnershipQuery } from "../queries/partnership";
import { dataTable } from "../table";
import { shortName } from "../types";

/** Every source the briefing draws on, once per document, with the tables used from it. */
function documentsCited(p: PartnershipData): { source: SourceLike; locators: string[] }[] {
  const sources: SourceLike[] = [
    ...(p.plans ?? []).flatMap((plan) => [plan.source, ...plan.priorities.map((priority) => priority.source)]),
    ...(p.crimeStatistics ?? []).map((s) => s.source),
    ...(p.areas ?? []).flatMap((area) => [area.source, ...area.crimeStatistics.map((s) => s.source)]),
    ...(p.targets ?? []).map((t) => t.source),
    ...(p.funding ?? []).flatMap((f) => [f.source, ...f.allocations.map((a) => a.source)]),
    ...(p.familyGroups ?? []).flatMap((g) => [g.membersSource, ...g.positions.map((pos) => pos.source)]),
    ...(p.rateTables ?? []).map((t) => t.source),
  ];
  const byDocument = new Map<string, { source: SourceLike; locators: Set<string> }>();
  for (const source of sources) {
    const cited = byDocument.get(source.document) ?? { source, locators: new Set<string>() };
    cited.locators.add(source.locator);
    byDocument.set(source.document, cited);
  }
  return [...byDocument.values()].map(({ source, locators }) => ({ source, locators: [...locators] }));
}

/** On paper a tip cannot open: each corrected figure's corrections, in words. */
function correctionsList(p: PartnershipData): Html {
  const statistics = [...(p.crimeStatistics ?? []), ...(p.areas ?? []).flatMap((area) => area.crimeStatistics)];
  const corrected = statistics.filter((s) => s.corrections?.length);
  if (!corrected.length) return html``;
  return html`<h2>Corrected figures</h2><ul class="corrections">${corrected.map(
    (s) =>
      html`<li>${s.localLabel}, ${s.period.label} (${sourceText(s.source)}): ${(s.corrections ?? []).map(correctionText).join("; then ")}.</li>`,
  )}</ul>`;
}

/** The documents by title, as a printed reference list: publisher, date, file and the tables used. */
function sourcesFooter(p: PartnershipData): Html {
  const cited = documentsCited(p);
  return html`<footer class="briefing-footer">${correctionsList(p)}<h2>Sources</h2>${
    cited.length
      ? html`<ol class="documents">${cited.map(
          ({ source, locators }) =>
            html`<li><cite>${documentName(source)}</cite>${source.title ? html`. ${source.publisher ?? ""}${source.published ? `, ${formatDate(source.published)}` : ", undated"}` : ""}. ${locators.join(
              ", ",
            )} <span class="file">(file ${source.document})</span>.</li>`,
        )}</ol>`
      : html`<p>None.</p>`
  }<p>Data from ${location.host}/graphql.</p></footer>`;
}

const section = (number: number, title: string, body: Html) =>
  html`<section class="briefing-section"><h2>${number}. ${title}</h2>${body}</section>`;

async function countyComparison(p: PartnershipData): Promise<Html> {
  const periods = recordedPeriods(
    (p.crimeStatistics ?? [])
      .filter((s) => s.category.id === "all-crime")
      .map((statistic) => ({ partnership: p.code, statistic })),
  );
  if (!p.countyBoardMember)
    return html`<p>${shortName(p.name)} is not a member of the county board, so it has no place in the county's totals.</p>`;
  if (!periods.length)
    return html`<p>${shortName(p.name)} has published no recorded all-crime figure to compare with the county.</p>`;
  const variables: Record<string, string> = { category: "all-crime" };
  periods.forEach((period, i) => {
    variables[`start${i}`] = period.start;
    variables[`end${i}`] = period.end;
  });
  const result = await runQuery(countyComparisonQuery(periods.length), variables);
  if (!result.data) return problemsNotice(result.errors);
  const totals = periods.map((period, i) => ({ period, total: result.data!.county[`period${i}`] }));
  // A period only this partnership published has no county to compare with.
  const alone = totals.filter(({ total }) => total.partnerships.length <= 1).map(({ period }) => period);
  const rows = totals
    .filter(({ total }) => total.partnerships.length > 1)
    .map(({ period, total }) => {
      const own = total.partnerships.find((x) => x.partnership.code === p.code);
      const of = total.partnerships.length;
      return [
        html`${axisLabel(period)}<br><span class="dates">${periodDates(period)}, ${basisText(period.basis)}</span>`,
        own ? statisticFigure(own.statistic) : "–",
        own ? `${own.rank} of ${of}` : "–",
        own ? formatRate(own.ratePer1000) : "–",
        own && own.rateRank ? `${own.rateRank} of ${of}` : "–",
        total.total === null
          ? "–"
          : sourcedNumber(total.total.toLocaleString("en-GB"), {
              sources: total.sources,
              period: { ...period },
              lines: ["Sum of the member partnerships' recorded counts"],
            }),
        total.complete
          ? "complete"
          : `incomplete: ${total.missing.map((m) => shortName(m.partnership.name)).join(", ")} missing`,
        formatRate(total.ratePer1000),
      ];
    });
  const note = alone.length
    ? html`<p class="sources">No county comparison for ${alone.map((period) => `${axisLabel(period)} (${periodDates(period)})`).join(", ")}: only ${shortName(p.name)} published a figure for it.</p>`
    : "";
  return html`${dataTable({
    caption: `All crime: ${shortName(p.name)} against the county (rank 1 = highest)`,
    head: [
      "Period",
      shortName(p.name),
      "Rank by count",
      "Rate per 1,000",
      "Rank by rate",
      "County total",
      "County total is",
      "County rate per 1,000",
    ],
    rows,
    className: "comparison",
  })}${note}`;
}

startPage(async (main) => {
  const code = decodeURIComponent(location.pathname.split("/")[2] ?? "");
  const result = await runQuery(partnershipQuery, { code });
  const p = result.data?.partnership;
  if (!p) {
    mount(main, html`<h1>No partnership "${code}"</h1>${problemsNotice(result.errors)}`);
    return;
  }
  document.title = `${p.name}: scrutiny briefing`;
  const generated = new Date().toISOString();
  const header = html`<header class="briefing-header">
<p class="kicker">Scrutiny briefing: crime and disorder reduction and community safety</p>
<h1>${p.name}</h1>
<p>Generated from the Community Safety Graph on ${formatDate(generated)}. ${lastPublishedText(p)}. Its documents are listed at the end; projections, corrected figures and figures the documents contradict are marked.</p>
<p class="screen-only"><a href="/partnerships/${p.code}">Back to the partnership's page</a> · Print this page (Ctrl+P) for the A4 paper.</p>
</header>`;
  if (publishedNothing(p)) {
    mount(
      main,
      html`${header}<p class="notice"><strong>${p.name} has published nothing in this graph</strong>: there is nothing to brief on.</p>`,
    );
    return;
  }
  const comparison = await countyComparison(p);
  mount(
    main,
    html`${header}${problemsNotice(result.errors)}
${section(1, "Performance against targets", targetsSection(p))}
${section(2, "Police beats", beatsSection(p, false))}
${section(3, "Comparison with the county", html`${comparison}${mostSimilarGroupSection(p)}`)}
${section(4, "Priorities and their alignment with the Community Safety Agreement", plansSection(p))}
${section(5, "Funding", fundingSection(p))}
${sourcesFooter(p)}`,
  );
});
