import type { AlignmentBasis, Priority } from "@csg/schema";
import { normaliseText } from "@csg/domain";

export interface PrioritySearchCriteria {
  /** Words that must all appear in the priority's text (title, description, focus areas, theme). */
  text?: string | null;
  /** A CSA priority the priority must serve. */
  csaPriorityId?: string | null;
  /** With csaPriorityId: only alignments of this basis. */
  basis?: AlignmentBasis | null;
}

/** The words a text search looks through: what the partnership printed for the priority. */
function searchableText(priority: Priority): string {
  return normaliseText(
    [
      priority.title,
      priority.description ?? "",
      priority.theme?.title ?? "",
      ...priority.focusAreas.flatMap((area) => [area.text, ...area.details]),
    ].join(" \n "),
  );
}

/** The bounds of a search's text: it is matched against every priority of every partnership. */
export const MAX_SEARCH_CHARACTERS = 200;
export const MAX_SEARCH_WORDS = 20;

/** The words of a search's text, normalised as the priorities' words are. */
export function searchWords(text: string | null | undefined): string[] {
  return normaliseText(text ?? "")
    .split(" ")
    .filter(Boolean);
}

/** `word` at the start of a word of `text` (not inside one): plain look-ups, no pattern built from what a client sent. */
function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !/[a-z0-9]/.test(text[at - 1])) return true;
  }
  return false;
}

/**
 * A priority matches when every word of the text appears in it (case, spacing and dashes
 * ignored; a word matches the start of a printed word, so "abuse" finds "abuse" and
 * "domestic" finds "domestic", but "use" does not find "abuse") and, when a CSA priority is
 * given, its alignment names that CSA priority (with the basis, when one is given).
 */
export function matchesPriority(priority: Priority, criteria: PrioritySearchCriteria): boolean {
  if (criteria.csaPriorityId) {
    const aligned = priority.csaAlignment.some(
      (a) => a.priority.id === criteria.csaPriorityId && (!criteria.basis || a.basis === criteria.basis),
    );
    if (!aligned) return false;
  }
  const words = searchWords(criteria.text);
  if (words.length === 0) return true;
  const text = searchableText(priority);
  return words.every((word) => startsAWord(text, word));
}
