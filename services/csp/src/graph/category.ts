import { type CategoryKind, type CrimeCategory, findCrimeCategory } from "@csg/schema";

/** The canonical category of a stored id (ids are checked against the taxonomy on write). */
export function toCategory(id: string): CrimeCategory {
  const entry = findCrimeCategory(id);
  if (!entry) throw new Error(`Category "${id}" is not in the taxonomy`);
  return { id: entry.id, name: entry.name, kind: entry.kind as CategoryKind, description: entry.description };
}
