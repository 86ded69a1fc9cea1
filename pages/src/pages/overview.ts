/** GET /: the county overview. Two requests: the overview, then the chosen county total. */
import "../styles/site.css";
import { mountCharts } from "../charts";
import { html, mount } from "../escape";
import { basisText, periodDates } from "../format";
import { runQuery } from "../graphql";
import { startPage } from "../page";
import { panel, problemsNotice, queryBehind } from "../panel";
import { type PeriodChoice, openingPeriod, recordedPeriods } from "../periods";
import { crimeTotalsQuery, overviewQuery, prioritySearchQuery } from "../queries/overview";
import type { CountyOverviewQuery } from "../generated/operations";
import { alignmentMatrix, enableMatrixCells, gapsAndLocal } from "../panels/alignment-matrix";
import { crimeTotalsBody } from "../panels/crime-totals";
import { searchForm, searchResults } from "../panels/priority-search";
import { trendsBody } from "../panels/trends";

function categoriesOf(data: CountyOverviewQuery): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const p of data.partnerships) for (const s of p.crimeStatistics ?? []) byId.set(s.category.id, s.category.name);
  return [...byId.entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => (a.id === "all-crime" ? -1 : b.id === "all-crime" ? 1 : a.name.localeCompare(b.name)));
}

function periodsOf(data: CountyOverviewQuery, category: string): PeriodChoice[] {
  return recordedPeriods(
    data.partnerships.flatMap((p) =>
      (p.crimeStatistics ?? [])
        .filter((s) => s.category.id === category)
        .map((statistic) => ({ partnership: p.code, statistic })),
    ),
  );
}

const categoryOptions = (categories: { id: string; name: string }[], chosen: string) =>
  categories.map((c) => html`<option value="${c.id}" ${c.id === chosen ? html`selected` : ""}>${c.name}</option>`);

const periodOption = (p: PeriodChoice, chosen: string) =>
  html`<option value="${p.key}" ${p.key === chosen ? html`selected` : ""}>${p.label}: ${periodDates(p)} (${basisText(p.basis)}; ${p.partnerships} partnership${p.partnerships === 1 ? "" : "s"})</option>`;

async function showTotals(root: HTMLElement, category: string, period: PeriodChoice): Promise<void> {
  const output = root.querySelector<HTMLElement>("#totals-output")!;
  output.setAttribute("aria-busy", "true");
  const variables = { category, start: period.start, end: period.end };
  const result = await runQuery(crimeTotalsQuery, variables);
  output.removeAttribute("aria-busy");
  if (!result.data) {
    mount(output, problemsNotice(result.errors));
    return;
  }
  mount(
    output,
    html`${problemsNotice(result.errors)}${crimeTotalsBody(result.data.county.crimeTotals, period)}${queryBehind(crimeTotalsQuery, variables)}`,
  );
  mountCharts(output);
}

function showTrends(root: HTMLElement, data: CountyOverviewQuery, category: string): void {
  mount(root.querySelector("#trends-output")!, trendsBody(data.partnerships, category));
  mountCharts(root);
}

startPage(async (main) => {
  const result = await runQuery(overviewQuery, {});
  if (!result.data) throw new Error(result.errors.map((e) => e.message).join("; ") || "No data");
  const data = result.data;
  const csa = data.county.agreement.priorities;
  const alignment = data.county.alignment;
  const categories = categoriesOf(data);
  const category = categories.find((c) => c.id === "all-crime")?.id ?? categories[0]?.id ?? "";
  const periods = periodsOf(data, category);
  // The latest complete financial year every member published, found in the data.
  const members = data.partnerships.length;
  const period = openingPeriod(periods, members);

  mount(
    main,
    html`<h1>${data.county.name}: community safety at a glance</h1>
<p class="lede">The county's ${alignment.partnerships.length} district partnerships against the ${data.county.agreement.title}: what each prioritises, and its recorded crime.
Hover over or focus any figure for its source and period as printed.</p>
${problemsNotice(result.errors)}
${alignment.complete ? "" : html`<div class="notice warning" role="alert">Unavailable: ${alignment.unavailablePartnerships.map((p) => p.name).join(", ")}.</div>`}
${panel({
  id: "alignment",
  title: "Alignment with the Community Safety Agreement",
  intro:
    "Each partnership's current plan against the agreement's seven priorities. Open a cell for the priorities that cover it, their basis, and the evidence for suggestions.",
  body: html`${alignmentMatrix(csa, alignment.partnerships)}${gapsAndLocal(alignment.uncoveredCsaPriorities, alignment.partnerships)}`,
  query: overviewQuery,
})}
${panel({
  id: "totals",
  title: "County crime totals",
  intro:
    "Only periods that exist in the published figures can be chosen; it opens on the latest whole financial year that every member partnership published. A total adds recorded counts of exactly that period, never a projection.",
  body: html`<form class="controls" id="totals-form">
<label>Category <select id="totals-category" name="category">${categoryOptions(categories, category)}</select></label>
<label>Period <select id="totals-period" name="period">${periods.map((p) => periodOption(p, period?.key ?? ""))}</select></label>
</form><div id="totals-output"></div>`,
})}
${panel({
  id: "trends",
  title: "Trends",
  intro:
    "One chart per kind of period: financial years, rolling twelve months and years to date are never joined, and projections are points, never a line.",
  body: html`<form class="controls"><label>Category <select id="trends-category">${categoryOptions(categories, category)}</select></label></form><div id="trends-output"></div>`,
  query: overviewQuery,
})}
${panel({
  id: "search",
  title: "Which partnerships prioritise ...",
  intro:
    "Searches every partnership in the federation; those outside the county board (peers in the police force area) are marked.",
  body: searchForm(csa),
  query: prioritySearchQuery,
})}`,
  );
  enableMatrixCells(main.querySelector("#alignment")!, csa, alignment.partnerships);
  showTrends(main, data, category);

  const categorySelect = main.querySelector<HTMLSelectElement>("#totals-category")!;
  const periodSelect = main.querySelector<HTMLSelectElement>("#totals-period")!;
  const refresh = () => {
    const chosen = periodsOf(data, categorySelect.value).find((p) => p.key === periodSelect.value);
    if (chosen) void showTotals(main, categorySelect.value, chosen);
  };
  categorySelect.addEventListener("change", () => {
    const choices = periodsOf(data, categorySelect.value);
    mount(periodSelect, html`${choices.map((p) => periodOption(p, openingPeriod(choices, members)?.key ?? ""))}`);
    refresh();
  });
  periodSelect.addEventListener("change", refresh);
  main
    .querySelector("#trends-category")!
    .addEventListener("change", (event) => showTrends(main, data, (event.target as HTMLSelectElement).value));

  main.querySelector<HTMLFormElement>("#priority-search")!.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const csaPriority = String(form.get("csaPriority") ?? "") || null;
    const text = String(form.get("text") ?? "").trim() || null;
    const output = main.querySelector<HTMLElement>("#priority-search-results")!;
    if (!csaPriority && !text) {
      mount(output, html`<p>Choose a CSA priority or type some words.</p>`);
      return;
    }
    const boardOnly = form.get("countyBoardMembersOnly") === "on";
    const variables = {
      csaPriority,
      text,
      currentOnly: form.get("currentOnly") === "on",
      countyBoardMembersOnly: boardOnly,
    };
    const found = await runQuery(prioritySearchQuery, variables);
    const asked = [
      csaPriority ? `"${csa.find((c) => c.id === csaPriority)?.title}"` : "",
      text ? `the words "${text}"` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    mount(
      output,
      found.data
        ? html`${problemsNotice(found.errors)}${searchResults(found.data.county.prioritySearch, asked, boardOnly)}${queryBehind(prioritySearchQuery, variables)}`
        : problemsNotice(found.errors),
    );
  });

  if (period) await showTotals(main, category, period);
});
