/** The county board (LSCSB): its name, abbreviation and chair, and the organisations it comprises. */

import type { Actor } from "@csg/service-runtime";
import { asc, eq } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import * as t from "../db/schema";
import {
  type Checker,
  checkPartner,
  checkSource,
  type Place,
  type Placed,
  type SourceRecord,
  within,
  publishCiting,
} from "@csg/domain";
import type { BoardMemberRow, ProfileRow } from "../db/schema";

export interface BoardChanges {
  name?: string | null;
  abbreviation?: string | null;
  chair?: string | null;
  source?: SourceRecord | null;
}

const boardJson = (row: ProfileRow) => ({
  name: row.boardName,
  abbreviation: row.boardAbbreviation,
  chair: row.boardChair,
  source: { document: row.boardDocument, locator: row.boardLocator },
});

const membersJson = (rows: BoardMemberRow[]) =>
  rows.map((m) => ({ name: m.name, source: { document: m.sourceDocument, locator: m.sourceLocator } }));

/** Corrects the board's name, abbreviation, chair or source; only the fields given change. */
export function updateBoard(
  db: CountyDatabase,
  actor: Actor,
  changes: BoardChanges,
  check: Checker,
  place: Place,
): ProfileRow {
  return publishCiting(db, actor, "updateBoard", check, (tx) => {
    // A field given as null is a field emptied: each of these is required.
    if (changes.name !== undefined) check.text(place("name"), changes.name, { max: 300 });
    if (changes.abbreviation !== undefined) check.text(place("abbreviation"), changes.abbreviation, { max: 20 });
    if (changes.chair !== undefined) check.text(place("chair"), changes.chair, { max: 300 });
    if (changes.source !== undefined) checkSource(check, within(place, "source"), changes.source);
    check.throwIfAny();
    const read = () => tx.select().from(t.countyProfile).get()!;
    const before = boardJson(read());
    const values = {
      ...(changes.name != null && { boardName: changes.name }),
      ...(changes.abbreviation != null && { boardAbbreviation: changes.abbreviation }),
      ...(changes.chair != null && { boardChair: changes.chair }),
      ...(changes.source != null && { boardDocument: changes.source.document, boardLocator: changes.source.locator }),
    };
    // drizzle refuses an empty update: a change naming no field changes nothing.
    if (Object.keys(values).length > 0)
      tx.update(t.countyProfile).set(values).where(eq(t.countyProfile.id, read().id)).run();
    const result = read();
    const after = boardJson(result);
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: "county:board",
      before,
      after,
      result,
    };
  }).result;
}

/** Replaces the list of the board's member organisations, in the order given, each with its source. */
export function setBoardMembers(
  db: CountyDatabase,
  actor: Actor,
  members: Placed<{ name: string; source: SourceRecord }>[],
  check: Checker,
): BoardMemberRow[] {
  return publishCiting(db, actor, "setBoardMembers", check, (tx) => {
    if (members.length === 0) check.fail("", "name at least one member: the board is never empty");
    const names = new Set<string>();
    for (const { value, place } of members) {
      checkPartner(check, place, value);
      check.unique(place("name"), names, value.name, "member");
    }
    check.throwIfAny();
    const read = () => tx.select().from(t.boardMembers).orderBy(asc(t.boardMembers.position)).all();
    const before = membersJson(read());
    tx.delete(t.boardMembers).run();
    members.forEach(({ value }, position) =>
      tx
        .insert(t.boardMembers)
        .values({
          position,
          name: value.name,
          sourceDocument: value.source.document,
          sourceLocator: value.source.locator,
        })
        .run(),
    );
    const result = read();
    const after = membersJson(result);
    return {
      changed: JSON.stringify(before) !== JSON.stringify(after),
      subject: "county:board:members",
      before,
      after,
      result,
    };
  }).result;
}
