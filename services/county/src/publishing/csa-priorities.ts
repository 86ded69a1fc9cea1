/** The county's words for the Community Safety Agreement's priorities (their ids are fixed by the taxonomy). */
import type { Checker, Place, SourceRecord } from "@csg/schema";
import { within } from "@csg/schema";
import { type Actor, publish } from "@csg/service-runtime";
import { eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";

export type CsaPriorityRow = typeof t.csaPriorities.$inferSelect;

export interface CsaPriorityChanges {
  title?: string | null;
  /** Null removes it. */
  description?: string | null;
  source?: SourceRecord | null;
}

const json = (row: CsaPriorityRow) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  source: { document: row.sourceDocument, locator: row.sourceLocator },
});

/** Corrects a CSA priority's title, description or source; only the fields given change. */
export function updateCsaPriority(
  db: CountyDatabase,
  actor: Actor,
  id: string,
  changes: CsaPriorityChanges,
  check: Checker,
  places: { id: string; changes: Place },
): CsaPriorityRow {
  return publish(db, actor, "updateCsaPriority", (tx) => {
    const read = () => tx.select().from(t.csaPriorities).where(eq(t.csaPriorities.id, id)).get();
    const row = read();
    if (!row) check.fail(places.id, `unknown CSA priority "${id}"; the agreement's are ${tx.select({ id: t.csaPriorities.id }).from(t.csaPriorities).all().map((r) => r.id).join(", ")}`);
    if (changes.title !== undefined) check.text(places.changes("title"), changes.title);
    check.text(places.changes("description"), changes.description, { optional: true });
    if (changes.source !== undefined) {
      const source = within(places.changes, "source");
      if (changes.source === null) check.fail(source(""), "is required (document and locator)");
      else {
        check.text(source("document"), changes.source.document, { max: 200 });
        check.text(source("locator"), changes.source.locator, { max: 300 });
      }
    }
    check.throwIfAny();
    const before = json(row!);
    tx.update(t.csaPriorities)
      .set({
        ...(changes.title != null && { title: changes.title }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.source != null && { sourceDocument: changes.source.document, sourceLocator: changes.source.locator }),
      })
      .where(eq(t.csaPriorities.id, id))
      .run();
    const result = read()!;
    const after = json(result);
    return { changed: JSON.stringify(before) !== JSON.stringify(after), subject: `county:csa-priority:${id}`, before, after, result };
  }).result;
}
