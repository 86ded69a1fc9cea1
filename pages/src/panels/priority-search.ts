/** "Which partnerships prioritise ...": by CSA priority or by words. */
import { type Html, html } from "../escape";
import { sourced } from "../figure";
import type {
  CountyOverviewQuery_county_agreement_priorities,
  WhichPartnershipsPrioritiseQuery_county_prioritySearch,
} from "../generated/operations";
import { dataTable } from "../table";
import { shortName } from "../types";
import { alignmentText } from "./alignment-matrix";

export function searchForm(csaPriorities: CountyOverviewQuery_county_agreement_priorities[]): Html {
  return html`<form id="priority-search" class="search">
<label>CSA priority <select name="csaPriority"><option value="">(any)</option>${csaPriorities.map(
    (c) => html`<option value="${c.id}">${c.number}. ${c.title}</option>`,
  )}</select></label>
<label>or words <input type="search" name="text" placeholder="e.g. domestic abuse"></label>
<label class="check"><input type="checkbox" name="currentOnly" checked> current plans only</label>
<label class="check"><input type="checkbox" name="countyBoardMembersOnly"> county board members only</label>
<button type="submit">Search</button>
</form><div id="priority-search-results" aria-live="polite"></div>`;
}

const outsideMark = html` <span class="mark outside" title="Not a member of the county board (LSCSB): a peer in the police force area">outside the board</span>`;

export function searchResults(
  result: WhichPartnershipsPrioritiseQuery_county_prioritySearch,
  asked: string,
  boardOnly: boolean,
): Html {
  const where = boardOnly ? "the county board's members" : "every partnership in the federation";
  if (!result.matches.length) return html`<p>No priority of ${where} matches ${asked}.</p>`;
  const partnerships = new Map(result.matches.map((m) => [m.partnership.code, m.partnership]));
  const outside = [...partnerships.values()].filter((p) => !p.countyBoardMember).map((p) => shortName(p.name));
  return html`<p>Searched ${where}: ${partnerships.size} partnership${partnerships.size === 1 ? "" : "s"} with ${result.matches.length} matching priorit${
    result.matches.length === 1 ? "y" : "ies"
  } for ${asked}${outside.length ? `, ${outside.length} of them outside the county board (${outside.join(", ")})` : ""}.${
    result.complete
      ? ""
      : html` Incomplete: ${result.unavailablePartnerships.map((p) => p.name).join(", ")} did not answer.`
  }</p>
${dataTable({
  caption: `Priorities matching ${asked}`,
  head: ["Partnership", "Priority", "Theme", "Period", "Alignment"],
  stack: "blocks",
  rows: result.matches.map((m) => [
    html`<a href="/partnerships/${m.partnership.code}">${shortName(m.partnership.name)}</a>${m.partnership.countyBoardMember ? "" : outsideMark}`,
    sourced(m.priority.title, { source: m.priority.source, period: m.period }),
    m.theme?.title ?? "",
    `${m.period.label}${m.current ? " (current)" : ""}`,
    m.alignment ? html`${m.alignment.priority.title}: ${alignmentText(m.alignment)}` : "matched by words",
  ]),
})}`;
}
