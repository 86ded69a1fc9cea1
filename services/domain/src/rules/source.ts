import type { SourceRecord } from "../records";
import type { Checker } from "../validation/checker";
import type { Place } from "../validation/place";

/** Every published item names its source: a document file name and a table, figure or heading in it. */
export function checkSource(check: Checker, place: Place, source: SourceRecord | undefined | null): void {
  if (!source || typeof source !== "object") return check.fail(place(""), "is required (document and locator)");
  check.text(place("document"), source.document, { max: 200 });
  check.text(place("locator"), source.locator, { max: 300 });
}
