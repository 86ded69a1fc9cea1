/** GET /partnerships/<code>: one partnership, everything it publishes, in one request. */
import "../styles/site.css";
import { mountCharts } from "../charts";
import { html, mount } from "../escape";
import { formatCount } from "../format";
import { sourcedNumber } from "../figure";
import { runQuery } from "../graphql";
import { startPage } from "../page";
import { panel, problemsNotice } from "../panel";
import { type PartnershipData, publishedNothing } from "../partnership-data";
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
import { partnershipQuery } from "../queries/partnership";

export function partnershipCode(): string {
  return decodeURIComponent(location.pathname.split("/")[2] ?? "");
}

startPage(async (main) => {
  const code = partnershipCode();
  const variables = { code };
  const result = await runQuery<{ partnership: PartnershipData | null }>(partnershipQuery, variables);
  const p = result.data?.partnership;
  if (!p) {
    document.title = "No such partnership";
    mount(main, html`<h1>No partnership "${code}"</h1>${problemsNotice(result.errors)}<p>See the <a href="/">county overview</a> for the partnerships there are.</p>`);
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
<nav aria-label="On this page" class="page-links">${sections.map((s) => html`<a href="#${s.id}">${s.title}</a>`)}</nav>
${sections.map((s) => panel({ ...s, query: partnershipQuery, variables }))}`,
  );
  mountCharts(main);
});
