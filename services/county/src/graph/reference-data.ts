/** The county's reference data as served, from its rows: one shape for queries and for what writes return. */

import { sourceOf } from "@csg/schema";
import type { Board, BoardMember, CountyTeam, StrategicPlanPriority, Workstream } from "./types";
import type { BoardMemberRow, ProfileRow, StrategicPlanPriorityRow, WorkstreamRow } from "../db/schema";

export const boardMemberObject = (m: BoardMemberRow): BoardMember => ({
  name: m.name,
  source: sourceOf(m.sourceDocument, m.sourceLocator),
});

export function boardObject(profile: ProfileRow, members: BoardMemberRow[]): Board {
  return {
    name: profile.boardName,
    abbreviation: profile.boardAbbreviation,
    chair: profile.boardChair,
    members: members.map(boardMemberObject),
    source: sourceOf(profile.boardDocument, profile.boardLocator),
  };
}

export const strategicPlanPriorityObject = (p: StrategicPlanPriorityRow): StrategicPlanPriority => ({
  id: p.id,
  title: p.title,
  description: p.description,
  source: sourceOf(p.sourceDocument, p.sourceLocator),
});

export const workstreamObject = (w: WorkstreamRow): Workstream => ({
  id: w.id,
  title: w.title,
  items: w.items,
  source: sourceOf(w.sourceDocument, w.sourceLocator),
});

export function teamObject(profile: ProfileRow, workstreams: WorkstreamRow[]): CountyTeam {
  return {
    description: profile.teamDescription,
    workstreams: workstreams.map(workstreamObject),
    source: sourceOf(profile.teamDocument, profile.teamLocator),
  };
}
