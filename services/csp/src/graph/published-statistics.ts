/**
 * The partnership's published figures as its requests read them: read and indexed once per
 * revision of its database and reused by every request until the next write (by this
 * process or another: see databaseRevision). A busy partnership (100,000 figures) then
 * answers each request with look-ups, not with reading and indexing every figure again.
 */
import { type FigureIndex, indexFigures } from "@csg/domain";
import { asc } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import type { PeriodRow, StatisticRow, StatisticSourceRow } from "../db/schema";

/** Partnership-wide figures are one scope (the empty string), each area's figures another. */
export const scopeOfStatistic = (row: StatisticRow) => row.areaId ?? "";

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One revision's figures: grouped by scope and category, each scope indexed on first use. */
export class StatisticsSnapshot {
  readonly periods: Map<string, PeriodRow>;
  private readonly byScope = new Map<string, StatisticRow[]>();
  private readonly byScopeAndCategory = new Map<string, StatisticRow[]>();
  private readonly sources = new Map<number, StatisticSourceRow[]>();
  private readonly indexes = new Map<string, FigureIndex<StatisticRow>>();

  constructor(db: CspDatabase) {
    this.periods = new Map(db.select().from(t.periods).all().map((p) => [p.id, p]));
    // In the dataset's order, which is the order the tables print them.
    for (const row of db.select().from(t.crimeStatistics).orderBy(asc(t.crimeStatistics.id)).all()) {
      push(this.byScope, scopeOfStatistic(row), row);
      push(this.byScopeAndCategory, JSON.stringify([scopeOfStatistic(row), row.categoryId]), row);
    }
    for (const source of db.select().from(t.statisticSources).orderBy(asc(t.statisticSources.position)).all()) push(this.sources, source.statisticId, source);
  }

  /** The figures of one scope, in published order. */
  figures(scope: string): StatisticRow[] {
    return this.byScope.get(scope) ?? [];
  }

  /** The figures of one scope and category, in published order. */
  figuresOf(scope: string, category: string): StatisticRow[] {
    return this.byScopeAndCategory.get(JSON.stringify([scope, category])) ?? [];
  }

  /** Other tables printing the same count (alsoPublishedIn), in printed order. */
  sourcesOf(statisticId: number): StatisticSourceRow[] {
    return this.sources.get(statisticId) ?? [];
  }

  /** The scope's differing figures and year-on-year changes, indexed once per revision. */
  index(scope: string): FigureIndex<StatisticRow> {
    let index = this.indexes.get(scope);
    if (!index) this.indexes.set(scope, (index = indexFigures(this.figures(scope), this.periods, scopeOfStatistic)));
    return index;
  }
}

/**
 * The current snapshot of a partnership's figures. `revision` changes with every committed
 * write; without one (a test's loaders) every `now()` reads afresh.
 */
export class PublishedStatistics {
  private kept: { revision: string; snapshot: StatisticsSnapshot } | undefined;

  constructor(
    private readonly db: CspDatabase,
    private readonly revision?: () => string,
  ) {}

  now(): StatisticsSnapshot {
    if (!this.revision) return new StatisticsSnapshot(this.db);
    // The revision is read before the figures: a write committing in between makes the next request read again, never keeps stale figures.
    const revision = this.revision();
    if (this.kept?.revision !== revision) this.kept = { revision, snapshot: new StatisticsSnapshot(this.db) };
    return this.kept.snapshot;
  }
}
