import { correctionsOfFigures, type FigureIndex, type ServedCorrection, storedDocumentLookup } from "@csg/domain";
import DataLoader from "dataloader";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import { PublishedStatistics, type StatisticsSnapshot } from "./published-statistics";
import type {
  AllocationRow,
  FamilyGroupPositionRow,
  FocusAreaRow,
  PeriodRow,
  PlanRow,
  PriorityRow,
  RateTableRowRow,
  StatisticRow,
  StatisticSourceRow,
  ThemeRow,
} from "../db/schema";

/** Key of partnership-wide figures in `statisticsByArea`. */
export const PARTNERSHIP_WIDE = "";

function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) as R);
}

function groupBy<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key) ?? []);
}

/** A relation of the partnership itself (one per database): one statement, whatever the number of keys. */
function whole<R>(read: () => R[]): DataLoader<string, R[]> {
  return new DataLoader(async (codes) => {
    const rows = read();
    return codes.map(() => rows);
  });
}

/**
 * The per-request DataLoaders of a partnership subgraph. Withdrawn priorities are kept in the
 * database (and the audit trail) but never served. Every list relation goes through
 * one of them, so a query costs one SQL statement per relation, not one per row.
 */
export function createLoaders(db: CspDatabase, published = new PublishedStatistics(db)) {
  // The figures of this request: one snapshot, taken on first use (again after a write clears the loaders).
  const snapshot = new DataLoader<"now", StatisticsSnapshot>(async (keys) => keys.map(() => published.now()));
  const figures = () => snapshot.load("now");
  const loaders = {
    snapshot,
    // Through the snapshot, which reads them in chunks: a request may name 100,000 (beyond SQLite's bound on one statement's values).
    period: new DataLoader<string, PeriodRow>(async (ids) => (await figures()).periodsOf(ids)),
    /** The ids of the periods of one span (key: "start end"), whatever their label and basis. */
    periodIdsOfSpan: new DataLoader<string, string[]>(async (spans) =>
      spans.map((span) => {
        const [start, end] = span.split(" ");
        return db
          .select({ id: t.periods.id })
          .from(t.periods)
          .where(and(eq(t.periods.start, start), eq(t.periods.end, end)))
          .all()
          .map((r) => r.id);
      }),
    ),
    theme: new DataLoader<string, ThemeRow>(async (ids) =>
      byKey(
        ids,
        db
          .select()
          .from(t.themes)
          .where(inArray(t.themes.id, [...ids]))
          .all(),
        (r) => r.id,
      ),
    ),
    themesByPlan: new DataLoader<string, ThemeRow[]>(async (ids) =>
      groupBy(
        ids,
        db
          .select()
          .from(t.themes)
          .where(inArray(t.themes.planId, [...ids]))
          .orderBy(asc(t.themes.position))
          .all(),
        (r) => r.planId,
      ),
    ),
    plan: new DataLoader<string, PlanRow>(async (ids) =>
      byKey(
        ids,
        db
          .select()
          .from(t.plans)
          .where(inArray(t.plans.id, [...ids]))
          .all(),
        (r) => r.id,
      ),
    ),
    plans: whole(() => db.select().from(t.plans).orderBy(asc(t.plans.position)).all()),
    priorities: whole(() =>
      db
        .select({ priority: t.priorities })
        .from(t.priorities)
        .innerJoin(t.plans, eq(t.plans.id, t.priorities.planId))
        .where(eq(t.priorities.status, "PUBLISHED"))
        .orderBy(asc(t.plans.position), asc(t.priorities.position))
        .all()
        .map((r) => r.priority),
    ),
    prioritiesByPlan: new DataLoader<string, PriorityRow[]>(async (ids) =>
      groupBy(
        ids,
        db
          .select()
          .from(t.priorities)
          .where(and(inArray(t.priorities.planId, [...ids]), eq(t.priorities.status, "PUBLISHED")))
          .orderBy(asc(t.priorities.position))
          .all(),
        (r) => r.planId,
      ),
    ),
    focusAreasByPriority: new DataLoader<string, FocusAreaRow[]>(async (ids) =>
      groupBy(
        ids,
        db
          .select()
          .from(t.focusAreas)
          .where(inArray(t.focusAreas.priorityId, [...ids]))
          .orderBy(asc(t.focusAreas.position))
          .all(),
        (r) => r.priorityId,
      ),
    ),
    statisticsByArea: new DataLoader<string, StatisticRow[]>(async (scopes) => {
      const now = await figures();
      return scopes.map((scope) => now.figures(scope));
    }),
    /** Partnership-wide figures of one category. */
    statisticsOfCategory: new DataLoader<string, StatisticRow[]>(async (categories) => {
      const now = await figures();
      return categories.map((category) => now.figuresOf(PARTNERSHIP_WIDE, category));
    }),
    sourcesByStatistic: new DataLoader<number, StatisticSourceRow[]>(async (ids) => (await figures()).sourcesOf(ids)),
    /** One scope's figures of one category (key: [scope, category]), indexed once per revision (see PublishedStatistics). */
    statisticIndex: new DataLoader<readonly [string, string], FigureIndex<StatisticRow>, string>(
      async (keys) => {
        const now = await figures();
        return keys.map(([scope, category]) => now.index(scope, category));
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    correctionsByStatistic: new DataLoader<number, ServedCorrection[]>(async (ids) => correctionsOfFigures(db, ids)),
    areas: whole(() => db.select().from(t.areas).orderBy(asc(t.areas.position)).all()),
    targets: whole(() => db.select().from(t.targets).orderBy(asc(t.targets.position)).all()),
    funding: whole(() => db.select().from(t.funding).orderBy(asc(t.funding.position)).all()),
    allocationsByFunding: new DataLoader<string, AllocationRow[]>(async (ids) =>
      groupBy(
        ids,
        db
          .select()
          .from(t.fundingAllocations)
          .where(inArray(t.fundingAllocations.fundingId, [...ids]))
          .orderBy(asc(t.fundingAllocations.position))
          .all(),
        (r) => r.fundingId,
      ),
    ),
    partners: whole(() => db.select().from(t.partners).orderBy(asc(t.partners.position)).all()),
    familyGroups: whole(() => db.select().from(t.familyGroups).orderBy(asc(t.familyGroups.position)).all()),
    positionsByFamilyGroup: new DataLoader<string, FamilyGroupPositionRow[]>(async (ids) =>
      groupBy(
        ids,
        db
          .select()
          .from(t.familyGroupPositions)
          .where(inArray(t.familyGroupPositions.familyGroupId, [...ids]))
          .orderBy(asc(t.familyGroupPositions.position))
          .all(),
        (r) => r.familyGroupId,
      ),
    ),
    rateTables: whole(() => db.select().from(t.rateTables).orderBy(asc(t.rateTables.position)).all()),
    rowsByRateTable: new DataLoader<string, RateTableRowRow[]>(async (ids) =>
      groupBy(
        ids,
        db
          .select()
          .from(t.rateTableRows)
          .where(inArray(t.rateTableRows.rateTableId, [...ids]))
          .orderBy(asc(t.rateTableRows.position))
          .all(),
        (r) => r.rateTableId,
      ),
    ),
  };
  return {
    ...loaders,
    /** The documents cited since the seed, read once a request needs one. */
    documents: storedDocumentLookup(db),
  };
}

export type CspLoaders = ReturnType<typeof createLoaders>;
