import type { SourceRecord } from "../records";
import type { Checker } from "../validation/checker";
import type { Place } from "../validation/place";

/**
 * Every published item names its source: a document file name and a table, figure or heading
 * in it. A well-formed source is noted in `check.cited`: its document (known, or new with its
 * title and publisher) is checked where the write can read what is stored (publishCiting).
 */
export function checkSource(check: Checker, place: Place, source: SourceRecord | undefined | null): void {
  if (!source || typeof source !== "object") {
    check.fail(place(""), "is required (document and locator)");
    return;
  }
  const document = check.text(place("document"), source.document, { max: 200 });
  const locator = check.text(place("locator"), source.locator, { max: 300 });
  if (document && locator) check.cited.push({ source, place });
}
