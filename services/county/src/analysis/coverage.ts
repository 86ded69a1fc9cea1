import type { AlignmentBasis, PartnershipEntry, Period, Priority } from "@csg/schema";

export type CoverageStatusName = "COVERED" | "NOT_COVERED" | "NO_PUBLISHED_PRIORITIES" | "UNAVAILABLE";

/** A partnership's current priorities (its most recent plan's), or null when its subgraph did not answer. */
export interface CurrentPriorities {
  partnership: PartnershipEntry;
  current: Priority[] | null;
}

/** Whether one partnership's current priorities serve one CSA priority, and which do. */
export interface CoverageCell {
  csaPriorityId: string;
  partnership: PartnershipEntry;
  status: CoverageStatusName;
  /** The current priorities that serve it (DECLARED or SUGGESTED), in printed order. */
  priorities: Priority[];
  /** The bases of those alignments (a CSA priority covered only by suggestion says so). */
  bases: AlignmentBasis[];
  /** The period of the current priorities; null when there are none. */
  period: Period | null;
}

/** A priority serves a CSA priority when its alignment (the partnership's declared one, else the suggestion) names it. */
export function serves(priority: Priority, csaPriorityId: string): boolean {
  return priority.csaAlignment.some((a) => a.priority.id === csaPriorityId);
}

/**
 * Coverage of one CSA priority by one partnership. A partnership that has published no
 * priorities is not the same as one whose priorities leave a gap; one whose subgraph did
 * not answer is unknown, never counted as either.
 */
export function coverageCell(csaPriorityId: string, { partnership, current }: CurrentPriorities): CoverageCell {
  const cell = {
    csaPriorityId,
    partnership,
    priorities: [] as Priority[],
    bases: [] as AlignmentBasis[],
    period: current?.[0]?.period ?? null,
  };
  if (current === null) return { ...cell, status: "UNAVAILABLE" };
  if (current.length === 0) return { ...cell, status: "NO_PUBLISHED_PRIORITIES" };
  const covering = current.filter((p) => serves(p, csaPriorityId));
  if (covering.length === 0) return { ...cell, status: "NOT_COVERED" };
  const bases = covering.flatMap((p) =>
    p.csaAlignment.filter((a) => a.priority.id === csaPriorityId).map((a) => a.basis),
  );
  return { ...cell, status: "COVERED", priorities: covering, bases: [...new Set(bases)].sort() };
}

/** The reverse view: a partnership's current priorities that serve no CSA priority (local priorities such as road safety). */
export function localPriorities(current: Priority[]): Priority[] {
  return current.filter((p) => p.csaAlignment.length === 0);
}

/**
 * The CSA priorities that no partnership's current priorities serve. Partnerships that did
 * not answer are left out, so the answer is only certain when every partnership answered.
 */
export function uncoveredCsaPriorities(csaPriorityIds: readonly string[], partnerships: CurrentPriorities[]): string[] {
  return csaPriorityIds.filter((id) => !partnerships.some((p) => p.current?.some((priority) => serves(priority, id))));
}
