import { findCrimeCategory } from "./taxonomy";
import type { CategoryKind, CrimeCategory } from "./types/crime";

/**
 * The canonical category of a taxonomy id, as the shared CrimeCategory type: one definition
 * for every subgraph that serves a category (ids are checked against the taxonomy on write).
 */
export function crimeCategory(id: string): CrimeCategory {
  const entry = findCrimeCategory(id);
  if (!entry) throw new Error(`Category "${id}" is not in the taxonomy`);
  return { id: entry.id, name: entry.name, kind: entry.kind as CategoryKind, description: entry.description };
}
