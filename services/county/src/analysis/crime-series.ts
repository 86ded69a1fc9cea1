import type { CrimeStatistic, PartnershipEntry, Source } from "@csg/schema";

/** What one partnership published (null when its subgraph did not answer). */
export interface PartnershipFigures {
  partnership: PartnershipEntry;
  statistics: CrimeStatistic[] | null;
}

/** The question: one category over exactly one span of dates. */
export interface SeriesRequest {
  category: string;
  start: string;
  end: string;
}

export type MissingReasonName = "NOT_PUBLISHED" | "PROJECTION_ONLY" | "UNAVAILABLE";

export interface ChosenFigure {
  partnership: PartnershipEntry;
  statistic: CrimeStatistic;
  /** The partnership's other recorded figures for the same category and span (other tables or extracts), not used. */
  otherFigures: CrimeStatistic[];
}

export interface MissingFigure {
  partnership: PartnershipEntry;
  reason: MissingReasonName;
  /** Projections published for the span: estimates, never counted as recorded figures. */
  projections: CrimeStatistic[];
}

export interface Series {
  chosen: ChosenFigure[];
  missing: MissingFigure[];
  /** The sources used, the most widely covering first. */
  sources: Source[];
}

export const sourceKey = (source: Source) => `${source.document}\u0000${source.locator}`;

/** A recorded count (not a projection) of the category over exactly the span asked for. */
function recordedFor(statistic: CrimeStatistic, request: SeriesRequest): boolean {
  return (
    statistic.category.id === request.category &&
    statistic.period.start === request.start &&
    statistic.period.end === request.end &&
    statistic.period.basis !== "PROJECTION"
  );
}

function projectionFor(statistic: CrimeStatistic, request: SeriesRequest): boolean {
  return (
    statistic.category.id === request.category &&
    statistic.period.start === request.start &&
    statistic.period.end === request.end &&
    statistic.period.basis === "PROJECTION"
  );
}

/**
 * Chooses one consistent series of figures for a county total. Only recorded counts for
 * exactly the span asked for qualify: never a projection, never another period. Where a
 * partnership published more than one (two tables, two extracts), the source that covers
 * the most partnerships wins, so that one table covering every member (Figure 3 for all
 * crime) is used for all of them; ties go to the source named first alphabetically, so the
 * choice is deterministic. Every source used is reported.
 */
export function chooseSeries(partnerships: PartnershipFigures[], request: SeriesRequest): Series {
  const candidates = partnerships.map(({ partnership, statistics }) => ({
    partnership,
    statistics,
    recorded: (statistics ?? []).filter((s) => recordedFor(s, request)),
  }));
  const coverage = new Map<string, { source: Source; partnerships: Set<string> }>();
  for (const { partnership, recorded } of candidates) {
    for (const statistic of recorded) {
      const key = sourceKey(statistic.source);
      const entry = coverage.get(key) ?? { source: statistic.source, partnerships: new Set<string>() };
      entry.partnerships.add(partnership.code);
      coverage.set(key, entry);
    }
  }
  const preference = [...coverage.entries()]
    .sort(([a, x], [b, y]) => y.partnerships.size - x.partnerships.size || a.localeCompare(b))
    .map(([key]) => key);
  const chosen: ChosenFigure[] = [];
  const missing: MissingFigure[] = [];
  for (const { partnership, statistics, recorded } of candidates) {
    if (statistics === null) {
      missing.push({ partnership, reason: "UNAVAILABLE", projections: [] });
      continue;
    }
    if (recorded.length === 0) {
      const projections = statistics.filter((s) => projectionFor(s, request));
      missing.push({ partnership, reason: projections.length ? "PROJECTION_ONLY" : "NOT_PUBLISHED", projections });
      continue;
    }
    const ordered = [...recorded].sort(
      (a, b) => preference.indexOf(sourceKey(a.source)) - preference.indexOf(sourceKey(b.source)),
    );
    chosen.push({ partnership, statistic: ordered[0], otherFigures: ordered.slice(1) });
  }
  const used = new Set(chosen.map((c) => sourceKey(c.statistic.source)));
  return {
    chosen,
    missing,
    sources: preference.filter((key) => used.has(key)).map((key) => coverage.get(key)!.source),
  };
}
