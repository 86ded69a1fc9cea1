/**
 * The partnership's published figures as its requests read them: read and indexed once per
 * revision of its database and reused by every request until the next write (by this
 * process or another: see databaseRevision). A busy partnership (100,000 figures) then
 * answers each request with look-ups, not with reading and indexing every figure again, and
 * a request about one category reads and indexes that category only.
 */
import { type FigureIndex, indexFigures } from "@csg/domain";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { CspDatabase } from "../db/database";
import * as t from "../db/schema";
import type { PeriodRow, StatisticRow, StatisticSourceRow } from "../db/schema";

/** Partnership-wide figures are one scope (the empty string), each area's figures another. */
export const scopeOfStatistic = (row: StatisticRow) => row.areaId ?? "";

/** Ids bound to one statement at most: SQLite binds at most 32,766 values. */
const CHUNK = 10_000;

/**
 * One revision's figures, read as requests need them: a scope's (partnership-wide, or an
 * area's) or one category of it, and each category's index (differing figures and change)
 * built on first use. Nothing is read twice within a revision.
 */
export class StatisticsSnapshot {
  private readonly byScope = new Map<string, StatisticRow[]>();
  private readonly byScopeAndCategory = new Map<string, StatisticRow[]>();
  private readonly periods = new Map<string, PeriodRow>();
  private readonly sources = new Map<number, StatisticSourceRow[]>();
  private readonly indexes = new Map<string, FigureIndex<StatisticRow>>();

  constructor(private readonly db: CspDatabase) {}

  private select(scope: string, category?: string): StatisticRow[] {
    const c = t.crimeStatistics;
    const inScope = scope === "" ? isNull(c.areaId) : eq(c.areaId, scope);
    // In the dataset's order, which is the order the tables print them.
    return this.db
      .select()
      .from(c)
      .where(category === undefined ? inScope : and(inScope, eq(c.categoryId, category)))
      .orderBy(asc(c.id))
      .all();
  }

  /** The figures of one scope, in published order. */
  figures(scope: string): StatisticRow[] {
    let rows = this.byScope.get(scope);
    if (!rows) this.byScope.set(scope, (rows = this.select(scope)));
    return rows;
  }

  /** The figures of one scope and category, in published order. */
  figuresOf(scope: string, category: string): StatisticRow[] {
    const key = JSON.stringify([scope, category]);
    let rows = this.byScopeAndCategory.get(key);
    if (!rows) {
      const whole = this.byScope.get(scope);
      rows = whole ? whole.filter((row) => row.categoryId === category) : this.select(scope, category);
      this.byScopeAndCategory.set(key, rows);
    }
    return rows;
  }

  /** Periods by id (read in chunks, kept for the revision). */
  periodsOf(ids: readonly string[]): PeriodRow[] {
    const missing = [...new Set(ids.filter((id) => !this.periods.has(id)))];
    for (let i = 0; i < missing.length; i += CHUNK) {
      for (const period of this.db
        .select()
        .from(t.periods)
        .where(inArray(t.periods.id, missing.slice(i, i + CHUNK)))
        .all())
        this.periods.set(period.id, period);
    }
    return ids.map((id) => this.periods.get(id)!);
  }

  /** Other tables printing the same count (alsoPublishedIn), in printed order, by figure id. */
  sourcesOf(statisticIds: readonly number[]): StatisticSourceRow[][] {
    const missing = [...new Set(statisticIds.filter((id) => !this.sources.has(id)))];
    for (const id of missing) this.sources.set(id, []);
    for (let i = 0; i < missing.length; i += CHUNK) {
      const s = t.statisticSources;
      for (const source of this.db
        .select()
        .from(s)
        .where(inArray(s.statisticId, missing.slice(i, i + CHUNK)))
        .orderBy(asc(s.position))
        .all()) {
        this.sources.get(source.statisticId)!.push(source);
      }
    }
    return statisticIds.map((id) => this.sources.get(id)!);
  }

  /** Differing figures and year-on-year change among one scope's figures of one category: indexed once per revision. */
  index(scope: string, category: string): FigureIndex<StatisticRow> {
    const key = JSON.stringify([scope, category]);
    let index = this.indexes.get(key);
    if (!index) {
      const rows = this.figuresOf(scope, category);
      this.periodsOf(rows.map((row) => row.periodId));
      this.indexes.set(key, (index = indexFigures(rows, this.periods, scopeOfStatistic)));
    }
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
