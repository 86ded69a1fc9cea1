import { storedDocumentLookup } from "@csg/domain";
import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import type { CountyDatabase } from "../db/database";
import type { PartnershipReader } from "../partnership-client/reader";
import * as t from "../db/schema";
import type { CsaPriorityRow, PopulationRow, ProfileRow } from "../db/schema";

function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}

/** A table read whole, once per request. */
function whole<R>(read: () => R[]): () => Promise<R[]> {
  let rows: Promise<R[]> | undefined;
  return () => (rows ??= Promise.resolve().then(read));
}

/** The county subgraph's per-request loaders: one SQL statement per relation, not per row. */
export function createCountyLoaders(db: CountyDatabase) {
  return {
    profile: whole(() => [db.select().from(t.countyProfile).get() as ProfileRow]),
    boardMembers: whole(() => db.select().from(t.boardMembers).orderBy(asc(t.boardMembers.position)).all()),
    strategicPlanPriorities: whole(() =>
      db.select().from(t.strategicPlanPriorities).orderBy(asc(t.strategicPlanPriorities.position)).all(),
    ),
    workstreams: whole(() => db.select().from(t.workstreams).orderBy(asc(t.workstreams.position)).all()),
    strategies: whole(() => db.select().from(t.strategies).orderBy(asc(t.strategies.position)).all()),
    csaPriorities: whole(() => db.select().from(t.csaPriorities).orderBy(asc(t.csaPriorities.position)).all()),
    csaPriority: new DataLoader<string, CsaPriorityRow | undefined>(async (ids) => {
      const rows = db
        .select()
        .from(t.csaPriorities)
        .where(inArray(t.csaPriorities.id, [...ids]))
        .all();
      return ids.map((id) => rows.find((r) => r.id === id));
    }),
    populationsByOnsCode: new DataLoader<string, PopulationRow[]>(async (codes) =>
      groupBy(
        codes,
        db
          .select()
          .from(t.populations)
          .where(inArray(t.populations.onsCode, [...codes]))
          .orderBy(asc(t.populations.year))
          .all(),
        (r) => r.onsCode,
      ),
    ),
    periods: whole(() => db.select().from(t.periods).all()),
    areaStatistics: whole(() => db.select().from(t.areaStatistics).all()),
    /** The corrections of the county's own figures, by figure (local id), oldest first. */
    areaStatisticCorrections: whole(() =>
      db.select().from(t.figureCorrections).orderBy(asc(t.figureCorrections.id)).all(),
    ),
    /** The documents cited since the seed. */
    documents: storedDocumentLookup(db),
  };
}

export type CountyLoaders = ReturnType<typeof createCountyLoaders>;

export interface CountyContext {
  loaders: CountyLoaders;
  /** Reads the partnerships' own subgraphs for the county-wide analysis, once per partnership per request. */
  partnerships: PartnershipReader;
}
