import { csaPriorities, crimeCategories } from "../taxonomy";

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
}

export interface Suggestion {
  csaPriorityId: string;
  score: number;
  evidence: SuggestedEvidence[];
}

/** A suggestion needs at least this score: one term or one category. */
export const SUGGESTION_THRESHOLD = 1;

const TERM_WEIGHT = 1;
const CATEGORY_WEIGHT = 1;

interface Phrase {
  kind: "TERM" | "CATEGORY";
  value: string;
  pattern: RegExp;
  length: number;
  csaIds: string[];
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2010-\u2015]/g, "-").replace(/\s+/g, " ");
}

function wordPattern(phrase: string): RegExp {
  const escaped = normalise(phrase).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`, "g");
}

/**
 * Every phrase that can match, built once from the taxonomies: CSA vocabulary terms, and
 * the printed names of the crime categories each CSA priority covers.
 */
const phrases: Phrase[] = (() => {
  const byKey = new Map<string, Phrase>();
  const add = (kind: Phrase["kind"], value: string, text: string, csaId: string) => {
    const key = `${kind}:${value}:${normalise(text)}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.csaIds.includes(csaId)) existing.csaIds.push(csaId);
      return;
    }
    byKey.set(key, { kind, value, pattern: wordPattern(text), length: text.length, csaIds: [csaId] });
  };
  for (const csa of csaPriorities) {
    for (const term of csa.matching.terms) add("TERM", term, term, csa.id);
    for (const categoryId of csa.matching.categories) {
      const category = crimeCategories.find((c) => c.id === categoryId);
      for (const label of category?.terms ?? []) add("CATEGORY", categoryId, label, csa.id);
    }
  }
  return [...byKey.values()].sort((a, b) => b.length - a.length);
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
 * hate incidents, not also of crime in general); each CSA priority's score is the sum of
 * its distinct evidence. No model, no network.
 */
export function suggestAlignment(priority: PriorityText): Suggestion[] {
  const evidence = new Map<string, SuggestedEvidence[]>();
  for (const part of textParts(priority)) {
    const text = normalise(part.text);
    const taken: [number, number][] = [];
    for (const phrase of phrases) {
      for (const match of text.matchAll(phrase.pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        for (const csaId of phrase.csaIds) {
          const list = evidence.get(csaId) ?? [];
          if (!list.some((e) => e.kind === phrase.kind && e.value === phrase.value)) {
            list.push({ kind: phrase.kind, value: phrase.value, foundIn: part.foundIn });
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
    const score = found.reduce((sum, e) => sum + (e.kind === "TERM" ? TERM_WEIGHT : CATEGORY_WEIGHT), 0);
    if (score >= SUGGESTION_THRESHOLD) suggestions.push({ csaPriorityId: csa.id, score, evidence: found });
  }
  return suggestions;
}
