/** The county's words for the Community Safety Agreement's priorities (their ids are fixed by the taxonomy). */

import { type Actor, quoted } from "@csg/service-runtime";
import { eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import { type Checker, type Place, type SourceRecord, checkSource, within, publishCiting } from "@csg/domain";
import type { CsaPriorityRow } from "../db/schema";

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
  return publishCiting(db, actor, "updateCsaPriority", check, (tx) => {
    const read = () => tx.select().from(t.csaPriorities).where(eq(t.csaPriorities.id, id)).get();
    const row = read();
    if (!row)
      check.fail(
        places.id,
        `unknown CSA priority ${quoted(id)}; the agreement's are ${tx
          .select({ id: t.csaPriorities.id })
          .from(t.csaPriorities)
          .all()
          .map((r) => r.id)
          .join(", ")}`,
      );
    if (changes.title !== undefined) check.text(places.changes("title"), changes.title);
    check.text(places.changes("description"), changes.description, { optional: true });
    if (changes.source !== undefined) checkSource(check, within(places.changes, "source"), changes.source);
    check.throwIfAny();
    const before = json(row!);
    const values = {
      ...(changes.title != null && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.source != null && { sourceDocument: changes.source.document, sourceLocator: changes.source.locator }),
    };
    // drizzle refuses an empty update: a change naming no field changes nothing.
    if (Object.keys(values).length > 0) tx.update(t.csaPriorities).set(values).where(eq(t.csaPriorities.id, id)).run();
    const result = read()!;
    const after = json(result);
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: `county:csa-priority:${id}`,
      before,
      after,
      result,
    };
  }).result;
}
