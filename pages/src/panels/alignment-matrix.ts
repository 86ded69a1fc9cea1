/**
 * The alignment matrix: the agreement's priorities against the board's member partnerships.
 * Each cell says its status in words (and colour); opening a cell lists the priorities that
 * cover it, their basis, and for suggestions the evidence.
 */
import { type Html, html, mount } from "../escape";
import { periodDates } from "../format";
import { sourced } from "../figure";
import type {
  CountyOverviewQuery_county_agreement_priorities,
  CountyOverviewQuery_county_alignment_partnerships,
  CountyOverviewQuery_county_alignment_partnerships_coverage,
  CountyOverviewQuery_county_alignment_uncoveredCsaPriorities,
} from "../generated/operations";
import type { CoverageStatus } from "../generated/schema";
import { dataTable } from "../table";
import { type Alignment, shortName } from "../types";

/** The overview query's names for what the matrix shows. */
type CsaPriorityData = CountyOverviewQuery_county_agreement_priorities;
type PartnershipAlignmentData = CountyOverviewQuery_county_alignment_partnerships;
type CoverageData = CountyOverviewQuery_county_alignment_partnerships_coverage;

export const statusWords: Record<CoverageStatus, string> = {
  COVERED: "Covered",
  NOT_COVERED: "Not covered",
  NO_PUBLISHED_PRIORITIES: "No published priorities",
  UNAVAILABLE: "Unavailable",
};

export function alignmentText(alignment: Alignment): Html {
  const evidence = alignment.evidence.map(
    (e) =>
      `"${e.value}" in the ${e.foundIn} (${e.kind === "CATEGORY" ? "crime category" : "term"}, weight ${e.weight})`,
  );
  return html`<span class="basis basis-${alignment.basis.toLowerCase()}">${alignment.basis === "DECLARED" ? "Declared" : "Suggested"}</span>${
    alignment.basis === "SUGGESTED" ? html` score ${alignment.score ?? 0}: ${evidence.join("; ")}` : ""
  }`;
}

function cellDetail(partnership: PartnershipAlignmentData, csa: CsaPriorityData, cell: CoverageData): Html {
  const heading = html`<h3>${shortName(partnership.partnership.name)}: ${csa.number}. ${csa.title}</h3>`;
  const status = html`<p><strong>${statusWords[cell.status]}</strong>${
    partnership.period ? html` by the plan for ${partnership.period.label} (${periodDates(partnership.period)})` : ""
  }.</p>`;
  if (cell.status !== "COVERED") {
    const why =
      cell.status === "NO_PUBLISHED_PRIORITIES"
        ? "This partnership has published no priorities in the graph, so this is not a gap: there is nothing to compare."
        : cell.status === "UNAVAILABLE"
          ? "This partnership's service did not answer; its coverage is unknown."
          : "None of the partnership's current priorities serves this CSA priority: a gap.";
    return html`${heading}${status}<p>${why}</p>`;
  }
  return html`${heading}${status}<ul class="covering">${cell.priorities.map((p) => {
    const alignment = (p.csaAlignment ?? []).find((a) => a.priority.id === csa.id);
    return html`<li>${sourced(p.title, { source: p.source, period: p.period })}<br>${alignment ? alignmentText(alignment) : ""}</li>`;
  })}</ul>`;
}

export function alignmentMatrix(csaPriorities: CsaPriorityData[], partnerships: PartnershipAlignmentData[]): Html {
  const rows = csaPriorities.map((csa) => [
    html`${csa.number}. ${sourced(csa.title, { source: csa.source })}`,
    ...partnerships.map((p) => {
      const cell = p.coverage.find((c) => c.csaPriority.id === csa.id);
      const status = cell?.status ?? "UNAVAILABLE";
      return html`<button type="button" class="cell status-${status.toLowerCase().replace(/_/g, "-")}" data-partnership="${p.partnership.code}" data-csa="${csa.id}" aria-expanded="false" aria-controls="alignment-detail" title="${shortName(p.partnership.name)}: ${csa.title}">${statusWords[status]}</button>`;
    }),
  ]);
  return html`${dataTable({
    caption: html`CSA priorities<span class="wide-only"> (rows)</span> against the board's member partnerships' current priorities<span class="wide-only"> (columns)</span>`,
    head: [
      "CSA priority",
      ...partnerships.map(
        (p) => html`<a href="/partnerships/${p.partnership.code}">${shortName(p.partnership.name)}</a>`,
      ),
    ],
    rows,
    rowHeaders: true,
    // On a phone: a list per CSA priority, each partnership's status on a line of its own.
    stack: "lines",
    className: "matrix",
  })}
<div id="alignment-detail" class="cell-detail" aria-live="polite" tabindex="-1"><p>Choose a cell to see the priorities that cover it, their basis and the evidence.</p></div>`;
}

/** Opens a cell's detail on click or Enter/Space (buttons give both). */
export function enableMatrixCells(
  root: HTMLElement,
  csaPriorities: CsaPriorityData[],
  partnerships: PartnershipAlignmentData[],
): void {
  root.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.cell");
    if (!button) return;
    const partnership = partnerships.find((p) => p.partnership.code === button.dataset.partnership)!;
    const csa = csaPriorities.find((c) => c.id === button.dataset.csa)!;
    const cell = partnership.coverage.find((c) => c.csaPriority.id === csa.id) ?? {
      csaPriority: csa,
      status: "UNAVAILABLE" as const,
      bases: [],
      priorities: [],
    };
    root.querySelectorAll("button.cell[aria-expanded=true]").forEach((b) => b.setAttribute("aria-expanded", "false"));
    button.setAttribute("aria-expanded", "true");
    const detail = root.querySelector<HTMLElement>("#alignment-detail")!;
    mount(detail, cellDetail(partnership, csa, cell));
    // On a phone the list is long: bring the detail into view below the chosen line.
    if (detail.getBoundingClientRect().top > window.innerHeight) detail.scrollIntoView({ block: "nearest" });
  });
}

export function gapsAndLocal(
  uncovered: CountyOverviewQuery_county_alignment_uncoveredCsaPriorities[],
  partnerships: PartnershipAlignmentData[],
): Html {
  const local = partnerships.flatMap((p) =>
    p.localPriorities.map((priority) => ({ partnership: p.partnership, priority })),
  );
  return html`<div class="two-columns">
<div><h3>CSA priorities no partnership covers</h3>${
    uncovered.length
      ? html`<ul>${uncovered.map((c) => html`<li>${c.number}. ${c.title}</li>`)}</ul>`
      : html`<p>Every CSA priority is covered by at least one partnership.</p>`
  }</div>
<div><h3>Local priorities outside the agreement</h3>${
    local.length
      ? dataTable({
          caption: "Current priorities that serve no CSA priority",
          head: ["Partnership", "Priority"],
          rows: local.map((l) => [
            shortName(l.partnership.name),
            sourced(l.priority.title, { source: l.priority.source, period: l.priority.period }),
          ]),
        })
      : html`<p>No current priority falls outside the agreement.</p>`
  }</div></div>`;
}
