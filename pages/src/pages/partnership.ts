/**
 * GET /partnerships/<code>: one partnership, everything it publishes, in one request; its
 * national position (the Home Office's tables, police.uk) in a second, so that an outage of the
 * national subgraph shows in those panels only.
 */
import "../styles/site.css";
import { mountCharts } from "../charts";
import { html, mount } from "../escape";
import { formatCount } from "../format";
import { sourcedNumber } from "../figure";
import { type GraphQLResult, runQuery } from "../graphql";
import { startPage } from "../page";
import { panel, problemsNotice } from "../panel";
import type { NationalPositionQuery } from "../generated/operations";
import { publishedNothing } from "../partnership-data";
import { nationalPositionBody, sampleWarning } from "../panels/national-position";
import { policeUkMonthlyBody } from "../panels/police-uk-monthly";
import {
  beatsSection,
  figuresSection,
  fundingSection,
  lastPublishedText,
  mostSimilarGroupSection,
  partnersSection,
  plansSection,
  targetsSection,
} from "../panels/partnership-sections";
import { nationalPositionQuery } from "../queries/national";
import { partnershipQuery } from "../queries/partnership";

const loading = (what: string) => html`<p class="loading" role="status">Loading ${what} ...</p>`;

/** Draws the national panels from their own request; its errors stay in them. */
async function showNational(main: HTMLElement, request: Promise<GraphQLResult<NationalPositionQuery>>): Promise<void> {
  const result = await request;
  const national = main.querySelector<HTMLElement>("#national-output")!;
  const policeUk = main.querySelector<HTMLElement>("#police-uk-output")!;
  const p = result.data?.partnership;
  const positions = p?.nationalPositions;
  mount(
    national,
    html`${problemsNotice(result.errors)}${p && positions ? nationalPositionBody(p.name, positions) : ""}`,
  );
  const monthly = p?.policeUkMonthly;
  mount(
    policeUk,
    html`${problemsNotice(result.errors)}${p && monthly ? html`${monthly.some((m) => m.sampleData) ? sampleWarning("These police.uk counts") : ""}${policeUkMonthlyBody(p.name, monthly)}` : ""}`,
  );
}

export function partnershipCode(): string {
  return decodeURIComponent(location.pathname.split("/")[2] ?? "");
}

startPage(async (main) => {
  const code = partnershipCode();
  const variables = { code };
  const nationalVariables = { code, category: "all-crime" };
  // Asked at once, beside the partnership's own query; a failed request becomes the panels' error.
  const national = runQuery(nationalPositionQuery, nationalVariables).catch(
    (error: Error): GraphQLResult<NationalPositionQuery> => ({
      data: null,
      errors: [{ message: `The national figures could not be read: ${error.message}` }],
    }),
  );
  const result = await runQuery(partnershipQuery, variables);
  const p = result.data?.partnership;
  if (!p) {
    document.title = "No such partnership";
    mount(
      main,
      html`<h1>No partnership "${code}"</h1>${problemsNotice(result.errors)}<p>See the <a href="/">county overview</a> for the partnerships there are.</p>`,
    );
    return;
  }
  document.title = `${p.name}: community safety`;
  const sections = [
    { id: "plans", title: "Plans and priorities, with their CSA alignment", body: plansSection(p) },
    { id: "figures", title: "Crime figures", body: figuresSection(p) },
    { id: "targets", title: "Targets", body: targetsSection(p) },
    { id: "beats", title: "Police beats", body: beatsSection(p, true) },
    { id: "funding", title: "Funding and allocations", body: fundingSection(p) },
    { id: "msg", title: "Most Similar Group", body: mostSimilarGroupSection(p) },
    { id: "partners", title: "Partners", body: partnersSection(p) },
  ];
  const nationalSections = [
    {
      id: "national",
      title: "National position (Home Office tables)",
      body: html`<div id="national-output">${loading("the Home Office's figures")}</div>`,
    },
    {
      id: "police-uk",
      title: "police.uk monthly counts",
      body: html`<div id="police-uk-output">${loading("police.uk's months")}</div>`,
    },
  ];
  mount(
    main,
    html`<p class="breadcrumb"><a href="/">County overview</a> › ${p.name}</p>
<h1>${p.name}</h1>
${problemsNotice(result.errors)}
<dl class="facts">
<dt>Area</dt><dd>${p.districts.map((d) => html`${d.name} (${d.onsCode})${d.population ? html`, population ${sourcedNumber(formatCount(d.population.count), { lines: [`Source: ${d.population.source}`, `Year ${d.population.year}`] })} in ${d.population.year}` : ""}`)}</dd>
<dt>County board</dt><dd>${p.countyBoardMember ? "A member of the county board (LSCSB)" : "Not a member of the county board: a peer in the police force area"}</dd>
<dt>Last published</dt><dd>${lastPublishedText(p)}</dd>
</dl>
${publishedNothing(p) ? html`<div class="notice empty" role="status"><strong>${p.name} has published nothing in this graph</strong>: no plan, priorities, figures, targets, funding or partners.</div>` : ""}
<p class="page-links"><a href="/partnerships/${p.code}/briefing">Printable scrutiny briefing</a></p>
<nav aria-label="On this page" class="page-links">${[...sections, ...nationalSections].map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>
${sections.map((s) => panel({ ...s, query: partnershipQuery, variables }))}
${nationalSections.map((s) => panel({ ...s, query: nationalPositionQuery, variables: nationalVariables }))}`,
  );
  mountCharts(main);
  await showNational(main, national);
});
