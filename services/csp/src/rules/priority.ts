import { csaPriorities } from "@csg/schema";
import { type Checker, checkSource, type Place, within } from "@csg/domain";

const csaIds = csaPriorities.map((p) => p.id);

/** What a priority says, whatever plan and theme it sits in. */
export interface PriorityFields {
  ref?: string | null;
  title?: string;
  description?: string | null;
  focusAreas?: { text: string; details?: string[] | null }[] | null;
  notes?: string[] | null;
  declaredAlignment?: string[] | null;
  source?: { document: string; locator: string };
}

/**
 * Checks the fields present. `whole` requires title and source (a new priority); a change
 * checks only what it changes.
 */
export function checkPriorityFields(check: Checker, place: Place, priority: PriorityFields, whole: boolean): void {
  if (whole || priority.title !== undefined) check.text(place("title"), priority.title);
  check.text(place("ref"), priority.ref, { optional: true, max: 50 });
  check.text(place("description"), priority.description, { optional: true });
  (priority.focusAreas ?? []).forEach((area, k) => {
    check.text(place(`focusAreas[${k}].text`), area.text);
    (area.details ?? []).forEach((detail, d) => check.text(place(`focusAreas[${k}].details[${d}]`), detail));
  });
  (priority.notes ?? []).forEach((note, k) => check.text(place(`notes[${k}]`), note));
  const seen = new Set<string>();
  (priority.declaredAlignment ?? []).forEach((id, k) => {
    if (check.oneOf(place(`declaredAlignment[${k}]`), id, csaIds, "CSA priority"))
      check.unique(place(`declaredAlignment[${k}]`), seen, id, "CSA priority");
  });
  if (whole || priority.source !== undefined) checkSource(check, within(place, "source"), priority.source);
}

/** A theme as printed. */
export function checkThemeFields(
  check: Checker,
  place: Place,
  theme: { title?: string; description?: string | null },
): void {
  check.text(place("title"), theme.title);
  check.text(place("description"), theme.description, { optional: true });
}
