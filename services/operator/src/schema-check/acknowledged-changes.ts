import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SchemaChange } from "./schema-changes";
import { Checker } from "@csg/domain";

/** A breaking change the county has agreed to make, and why: kept in the repository with the code. */
export interface AcknowledgedChange {
  /** Inspector's message of the change, or its schema coordinate (e.g. `County.publishedAreas`). */
  change: string;
  /** Why the dashboards can take it (who was told, what replaces it). */
  reason: string;
  acknowledgedBy: string;
  /** YYYY-MM-DD. */
  date: string;
}

/** The file, from the repository's root. */
export const ACKNOWLEDGED_CHANGES = "schema/acknowledged-changes.json";
export const acknowledgedChangesFile = fileURLToPath(new URL(`../../../../${ACKNOWLEDGED_CHANGES}`, import.meta.url));

/** The `<...>` texts of {@link acknowledgementTemplate}, which must be replaced. */
const PLACEHOLDER = /^<.*>$/;

/** Reads and checks the acknowledgements file; a missing file acknowledges nothing. */
export function readAcknowledgedChanges(path = acknowledgedChangesFile): AcknowledgedChange[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
  }
  return parseAcknowledgedChanges(json, path);
}

/** Checks the acknowledgements, naming every problem with its place (file, entry, field). */
export function parseAcknowledgedChanges(json: unknown, where: string): AcknowledgedChange[] {
  const check = new Checker(where);
  if (!check.list("", json)) check.throwIfAny();
  const entries = json as unknown[];
  entries.forEach((entry, index) => {
    const at = `[${index}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      check.fail(at, `must be an object with change, reason, acknowledgedBy and date`);
      return;
    }
    const e = entry as Record<string, unknown>;
    check.text(`${at}.change`, e.change);
    for (const field of ["reason", "acknowledgedBy"] as const) {
      if (check.text(`${at}.${field}`, e[field]) && PLACEHOLDER.test(e[field] as string)) {
        check.fail(`${at}.${field}`, `is still the placeholder ${e[field]}: fill it in`);
      }
    }
    check.date(`${at}.date`, e.date);
    for (const key of Object.keys(e)) {
      if (!["change", "reason", "acknowledgedBy", "date"].includes(key))
        check.fail(`${at}.${key}`, "is not a field of an acknowledgement");
    }
  });
  check.throwIfAny();
  return entries as AcknowledgedChange[];
}

/** The acknowledgement naming this change, by inspector's message or by the change's schema coordinate. */
export function acknowledgementOf(
  change: SchemaChange,
  acknowledged: readonly AcknowledgedChange[],
): AcknowledgedChange | undefined {
  return acknowledged.find(
    (a) => a.change === change.message || (change.path !== undefined && a.change === change.path),
  );
}

/** The entry to add to the acknowledgements file for a change (the reason and name are left to fill in). */
export function acknowledgementTemplate(change: SchemaChange, today: string): AcknowledgedChange {
  return {
    change: change.message,
    reason: "<why the dashboards can take this change>",
    acknowledgedBy: "<your name>",
    date: today,
  };
}
