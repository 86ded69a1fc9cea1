/** The county community safety team: who it is, and its workstreams with their items as printed. */

import { type Actor, quoted } from "@csg/service-runtime";
import { asc, eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";

import { type Checker, checkSource, type Place, type SourceRecord, within, publishCiting } from "@csg/domain";
import type { ProfileRow, WorkstreamRow } from "../db/schema";

export interface TeamChanges {
  description?: string | null;
  source?: SourceRecord | null;
}

export interface WorkstreamChanges {
  title?: string | null;
  /** Replaces the items, in the order given. */
  items?: string[] | null;
  source?: SourceRecord | null;
}

const teamJson = (row: ProfileRow) => ({
  description: row.teamDescription,
  source: { document: row.teamDocument, locator: row.teamLocator },
});

const workstreamJson = (row: WorkstreamRow) => ({
  id: row.id,
  title: row.title,
  items: row.items,
  source: { document: row.sourceDocument, locator: row.sourceLocator },
});

/** Corrects the team's description or its source; only the fields given change. */
export function updateCountyTeam(
  db: CountyDatabase,
  actor: Actor,
  changes: TeamChanges,
  check: Checker,
  place: Place,
): ProfileRow {
  return publishCiting(db, actor, "updateCountyTeam", check, (tx) => {
    if (changes.description !== undefined) check.text(place("description"), changes.description);
    if (changes.source !== undefined) checkSource(check, within(place, "source"), changes.source);
    check.throwIfAny();
    const read = () => tx.select().from(t.countyProfile).get()!;
    const before = teamJson(read());
    const values = {
      ...(changes.description != null && { teamDescription: changes.description }),
      ...(changes.source != null && { teamDocument: changes.source.document, teamLocator: changes.source.locator }),
    };
    // drizzle refuses an empty update: a change naming no field changes nothing.
    if (Object.keys(values).length > 0)
      tx.update(t.countyProfile).set(values).where(eq(t.countyProfile.id, read().id)).run();
    const result = read();
    const after = teamJson(result);
    return { changed: JSON.stringify(before) !== JSON.stringify(after), subject: "county:team", before, after, result };
  }).result;
}

/** Corrects a workstream's title, items (the list replaced) or source; only the fields given change. */
export function updateWorkstream(
  db: CountyDatabase,
  actor: Actor,
  id: string,
  changes: WorkstreamChanges,
  check: Checker,
  places: { id: string; changes: Place },
): WorkstreamRow {
  return publishCiting(db, actor, "updateWorkstream", check, (tx) => {
    const read = () => tx.select().from(t.workstreams).where(eq(t.workstreams.id, id)).get();
    const row = read();
    if (!row) {
      const known = tx.select({ id: t.workstreams.id }).from(t.workstreams).orderBy(asc(t.workstreams.position)).all();
      check.fail(places.id, `unknown workstream ${quoted(id)}; the team's are ${known.map((r) => r.id).join(", ")}`);
    }
    if (changes.title !== undefined) check.text(places.changes("title"), changes.title, { max: 300 });
    if (changes.items !== undefined) {
      if (changes.items === null || changes.items.length === 0)
        check.fail(places.changes("items"), "name at least one item");
      else changes.items.forEach((item, i) => check.text(places.changes(`items[${i}]`), item));
    }
    if (changes.source !== undefined) checkSource(check, within(places.changes, "source"), changes.source);
    check.throwIfAny();
    const before = workstreamJson(row!);
    const values = {
      ...(changes.title != null && { title: changes.title }),
      ...(changes.items != null && { items: changes.items }),
      ...(changes.source != null && { sourceDocument: changes.source.document, sourceLocator: changes.source.locator }),
    };
    // drizzle refuses an empty update: a change naming no field changes nothing.
    if (Object.keys(values).length > 0) tx.update(t.workstreams).set(values).where(eq(t.workstreams.id, id)).run();
    const result = read()!;
    const after = workstreamJson(result);
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: `county:workstream:${id}`,
      before,
      after,
      result,
    };
  }).result;
}
