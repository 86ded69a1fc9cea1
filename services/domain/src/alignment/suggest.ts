import { crimeCategories, csaPriorities, termsOutsideTheAgreement } from "@csg/schema";
import { normaliseText, wholeWordPattern } from "./words";

/** The words of a partnership priority that a suggestion may match, by where they were printed. */
export interface PriorityText {
  title: string;
  description?: string | null;
  focusAreas?: { text: string; details?: string[] }[];
  notes?: string[];
}

export interface SuggestedEvidence {
  kind: "TERM" | "CATEGORY";
  value: string;
  foundIn: string;
  /** What this evidence adds to the suggestion's score. */
  weight: number;
}

export interface Suggestion {
  csaPriorityId: string;
  score: number;
  evidence: SuggestedEvidence[];
}

/** A suggestion needs at least this score: one term or category, or two supporting terms. */
export const SUGGESTION_THRESHOLD = 1;

export const TERM_WEIGHT = 1;
export const SUPPORTING_TERM_WEIGHT = 0.5;
export const CATEGORY_WEIGHT = 1;

interface Phrase {
  kind: "TERM" | "CATEGORY";
  value: string;
  pattern: RegExp;
  length: number;
  /** The CSA priorities it is evidence of, with its weight for each; empty for a phrase outside the agreement. */
  serves: Map<string, number>;
}

/**
 * Every phrase that can match, built once from the taxonomies: CSA vocabulary terms, the
 * printed names of the crime categories each CSA priority covers, and the phrases outside
 * the agreement (which only claim their words). Longest first, so the longest phrase wins.
 */
const phrases: Phrase[] = (() => {
  const byKey = new Map<string, Phrase>();
  const add = (kind: Phrase["kind"], value: string, text: string, csaId?: string, weight = 0) => {
    const key = `${kind}:${value}:${normaliseText(text)}`;
    const phrase = byKey.get(key) ?? {
      kind,
      value,
      pattern: wholeWordPattern(text),
      length: normaliseText(text).length,
      serves: new Map(),
    };
    byKey.set(key, phrase);
    if (csaId) phrase.serves.set(csaId, Math.max(phrase.serves.get(csaId) ?? 0, weight));
  };
  for (const csa of csaPriorities) {
    for (const term of csa.matching.terms) add("TERM", term, term, csa.id, TERM_WEIGHT);
    for (const term of csa.matching.supportingTerms) add("TERM", term, term, csa.id, SUPPORTING_TERM_WEIGHT);
    for (const categoryId of csa.matching.categories) {
      const category = crimeCategories.find((c) => c.id === categoryId);
      for (const label of category?.terms ?? []) add("CATEGORY", categoryId, label, csa.id, CATEGORY_WEIGHT);
    }
  }
  for (const term of termsOutsideTheAgreement) add("TERM", term, term);
  return [...byKey.values()].sort((a, b) => b.length - a.length || a.value.localeCompare(b.value));
})();

function textParts(priority: PriorityText): { foundIn: string; text: string }[] {
  const parts = [{ foundIn: "title", text: priority.title }];
  if (priority.description) parts.push({ foundIn: "description", text: priority.description });
  for (const area of priority.focusAreas ?? []) {
    parts.push({ foundIn: "focus area", text: area.text });
    for (const detail of area.details ?? []) parts.push({ foundIn: "focus area", text: detail });
  }
  for (const note of priority.notes ?? []) parts.push({ foundIn: "note", text: note });
  return parts;
}

/**
 * Suggests the CSA priorities a partnership priority serves, from its own words only.
 * Deterministic: the longest phrase wins where phrases overlap ("hate crime" is evidence of
 * hate incidents, not also of crime in general; "drink and drug driving" is road safety, not
 * drugs); each CSA priority's score is the sum of the weights of its distinct evidence.
 * No model, no network.
 */
export function suggestAlignment(priority: PriorityText): Suggestion[] {
  const evidence = new Map<string, SuggestedEvidence[]>();
  for (const part of textParts(priority)) {
    const text = normaliseText(part.text);
    const taken: [number, number][] = [];
    for (const phrase of phrases) {
      for (const match of text.matchAll(phrase.pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        for (const [csaId, weight] of phrase.serves) {
          const list = evidence.get(csaId) ?? [];
          if (!list.some((e) => e.kind === phrase.kind && e.value === phrase.value)) {
            list.push({ kind: phrase.kind, value: phrase.value, foundIn: part.foundIn, weight });
          }
          evidence.set(csaId, list);
        }
      }
    }
  }
  const suggestions: Suggestion[] = [];
  for (const csa of csaPriorities) {
    const found = evidence.get(csa.id);
    if (!found) continue;
    const score = found.reduce((sum, e) => sum + e.weight, 0);
    if (score >= SUGGESTION_THRESHOLD) suggestions.push({ csaPriorityId: csa.id, score, evidence: found });
  }
  return suggestions;
}
