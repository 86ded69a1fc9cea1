/** The County Council strategic plan priorities linked to community safety (their ids are fixed by the dataset). */

import { type Actor, quoted } from "@csg/service-runtime";
import { asc, eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import { type Checker, checkSource, type Place, type SourceRecord, within, publishCiting } from "@csg/domain";
import type { StrategicPlanPriorityRow } from "../db/schema";

export interface StrategicPlanPriorityChanges {
  title?: string | null;
  description?: string | null;
  source?: SourceRecord | null;
}

const json = (row: StrategicPlanPriorityRow) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  source: { document: row.sourceDocument, locator: row.sourceLocator },
});

/** Corrects a strategic plan priority's title, description or source; only the fields given change. */
export function updateStrategicPlanPriority(
  db: CountyDatabase,
  actor: Actor,
  id: string,
  changes: StrategicPlanPriorityChanges,
  check: Checker,
  places: { id: string; changes: Place },
): StrategicPlanPriorityRow {
  return publishCiting(db, actor, "updateStrategicPlanPriority", check, (tx) => {
    const read = () => tx.select().from(t.strategicPlanPriorities).where(eq(t.strategicPlanPriorities.id, id)).get();
    const row = read();
    if (!row) {
      const known = tx
        .select({ id: t.strategicPlanPriorities.id })
        .from(t.strategicPlanPriorities)
        .orderBy(asc(t.strategicPlanPriorities.position))
        .all();
      check.fail(
        places.id,
        `unknown strategic plan priority ${quoted(id)}; the plan's are ${known.map((r) => r.id).join(", ")}`,
      );
    }
    if (changes.title !== undefined) check.text(places.changes("title"), changes.title, { max: 300 });
    if (changes.description !== undefined) check.text(places.changes("description"), changes.description);
    if (changes.source !== undefined) checkSource(check, within(places.changes, "source"), changes.source);
    check.throwIfAny();
    const before = json(row!);
    const values = {
      ...(changes.title != null && { title: changes.title }),
      ...(changes.description != null && { description: changes.description }),
      ...(changes.source != null && { sourceDocument: changes.source.document, sourceLocator: changes.source.locator }),
    };
    // drizzle refuses an empty update: a change naming no field changes nothing.
    if (Object.keys(values).length > 0)
      tx.update(t.strategicPlanPriorities).set(values).where(eq(t.strategicPlanPriorities.id, id)).run();
    const result = read()!;
    const after = json(result);
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: `county:strategic-plan-priority:${id}`,
      before,
      after,
      result,
    };
  }).result;
}
