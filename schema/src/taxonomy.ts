import csaFile from "../taxonomy/csa-priorities.json";
import categoriesFile from "../taxonomy/crime-categories.json";

export interface CsaPriorityEntry {
  id: string;
  title: string;
  /**
   * Vocabulary that suggests an alignment: whole-word terms (enough on their own),
   * supporting terms (half weight: evidence only with more) and canonical crime categories.
   */
  matching: { terms: string[]; supportingTerms: string[]; categories: string[] };
}

export type CategoryKindName = "RECORDED_CRIME" | "ASB_INCIDENT";

export interface CrimeCategoryEntry {
  id: string;
  name: string;
  kind: CategoryKindName;
  description: string;
  /** How the category is named in priorities' text (evidence for suggested alignment). */
  terms: string[];
}

export const csaSource: { document: string; locator: string } = csaFile.source;
export const csaPriorities: readonly CsaPriorityEntry[] = csaFile.priorities;
/** Phrases naming concerns the agreement does not cover (road safety): no term inside them counts. */
export const termsOutsideTheAgreement: readonly string[] = csaFile.outsideTheAgreement.terms;
export const crimeCategories: readonly CrimeCategoryEntry[] = categoriesFile.categories as CrimeCategoryEntry[];

const categoriesById = new Map(crimeCategories.map((c) => [c.id, c]));
const csaById = new Map(csaPriorities.map((p) => [p.id, p]));

export function findCrimeCategory(id: string): CrimeCategoryEntry | undefined {
  return categoriesById.get(id);
}

export function findCsaPriority(id: string): CsaPriorityEntry | undefined {
  return csaById.get(id);
}
