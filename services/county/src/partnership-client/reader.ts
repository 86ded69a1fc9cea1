import { type PartnershipEntry, partnerships } from "@csg/schema";
import { type ServiceFetch, callService, revisionUrl } from "@csg/service-runtime";
import type { GraphQLSchema } from "graphql";
import { KeptReadings } from "./kept-readings";
import { type PartnershipReading, toPublications } from "./publications";
import { ANALYSIS_FIELDS, type AnalysisField, publicationsQuery } from "./selection";

export interface PartnershipReaderOptions {
  /** Where each partnership's subgraph listens, by registry code (from topology()). */
  urls: Map<string, string>;
  /** How long one request waits for a partnership (its revision and its reading) before reporting it unavailable. */
  timeoutMs?: number;
  /**
   * How long a reading may take before it is abandoned: longer than `timeoutMs`, so that a busy
   * partnership's answer, once it comes, serves the requests that join it (see KeptReadings).
   */
  workTimeoutMs?: number;
  /** The HTTP client: the runtime's callService unless a test counts requests (fetch will do). */
  fetch?: ServiceFetch;
  /** False: nothing is kept between requests (every request reads every partnership in full). */
  keepReadings?: boolean;
}

/** Below the gateway's timeout for the county (10 s), so a hung partnership is named in time. */
const DEFAULT_TIMEOUT_MS = 4000;
const DEFAULT_WORK_TIMEOUT_MS = 30_000;

/** What an analysis reads of each partnership (see selection.ts). */
export type AnalysisNeeds = readonly AnalysisField[];

/** Narrows a reading: only the figures of one category (bounded work for a partnership that publishes many). */
export interface ReadFilter {
  category?: string;
  /** Only the figures of exactly these spans (a total's period and the year before it). */
  periods?: { start: string; end: string }[];
}

/** Coverage and alignment: the current priorities only. */
export const CURRENT_PRIORITIES: AnalysisNeeds = ["currentPriorities"];
/** Priority search: every priority, and which are current. */
export const ALL_PRIORITIES: AnalysisNeeds = ["currentPriorities", "priorities"];
/** Totals: the partnership-wide figures. */
export const STATISTICS: AnalysisNeeds = ["crimeStatistics"];
/** Targets: the targets, whose baseline and outcome are linked to the figures. */
export const TARGETS: AnalysisNeeds = ["crimeStatistics", "targets"];
/** One figure by its id: the partnership-wide figures and the areas' (police beats'). */
export const FIGURES: AnalysisNeeds = ["crimeStatistics", "areas"];
/** Most Similar Group comparisons. */
export const RATE_TABLES: AnalysisNeeds = ["rateTables"];

/**
 * Reads the partnerships' subgraphs directly over their subgraph API (never through the
 * gateway: no cycle), asking each only for what the analysis at hand needs, all in parallel.
 * One reader serves one GraphQL request: each partnership is asked its revision at most once
 * per request, and a reading is kept across requests until that revision changes, so a
 * partnership's change shows on the next query while unchanged data is not read again.
 */
export interface PartnershipReader {
  read(entry: PartnershipEntry, needs?: AnalysisNeeds, filter?: ReadFilter): Promise<PartnershipReading>;
  /** The county board's members (the district partnerships), in registry order. */
  readMembers(needs?: AnalysisNeeds, filter?: ReadFilter): Promise<PartnershipReading[]>;
  /** Every registered partnership, or the members only. */
  readAll(countyBoardMembersOnly?: boolean, needs?: AnalysisNeeds, filter?: ReadFilter): Promise<PartnershipReading[]>;
}

const unavailable = (entry: PartnershipEntry, problem: string): PartnershipReading => ({
  partnership: entry,
  publications: null,
  problem,
});

/** One reading of a partnership; never rejects (a failure is a reading with its problem). */
async function requestPublications(
  entry: PartnershipEntry,
  query: string,
  filter: ReadFilter,
  options: PartnershipReaderOptions,
): Promise<PartnershipReading> {
  const url = options.urls.get(entry.code);
  if (!url) return unavailable(entry, `no subgraph address is configured for ${entry.code}`);
  try {
    const representations = [{ __typename: entry.entityTypeName, code: entry.code }];
    const response = await (options.fetch ?? callService)(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables: { representations, ...filter } }),
      signal: AbortSignal.timeout(
        Math.max(options.workTimeoutMs ?? DEFAULT_WORK_TIMEOUT_MS, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      ),
    });
    if (!response.ok) return unavailable(entry, `${entry.name} answered HTTP ${response.status} at ${url}`);
    const body = (await response.json()) as { data?: { _entities?: unknown[] }; errors?: { message: string }[] };
    if (body.errors?.length)
      return unavailable(entry, `${entry.name} answered with errors: ${body.errors.map((e) => e.message).join("; ")}`);
    const entity = body.data?._entities?.[0];
    if (!entity) return unavailable(entry, `${entry.name} did not resolve its own entity ${entry.entityTypeName}`);
    return {
      partnership: entry,
      publications: toPublications(entity as Parameters<typeof toPublications>[0]),
      problem: null,
    };
  } catch (error) {
    return unavailable(entry, `${entry.name} is unavailable at ${url}: ${(error as Error).message}`);
  }
}

/** The reading, or "unavailable" at the deadline; the reading itself goes on (for the requests that join it). */
function byDeadline(
  entry: PartnershipEntry,
  reading: Promise<PartnershipReading>,
  deadline: number,
  options: PartnershipReaderOptions,
): Promise<PartnershipReading> {
  return new Promise((resolve) => {
    const seconds = (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000;
    const timer = setTimeout(
      () =>
        resolve(
          unavailable(entry, `${entry.name} did not answer within ${seconds} s at ${options.urls.get(entry.code)}`),
        ),
      Math.max(0, deadline - Date.now()),
    );
    void reading.then((answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

/** The partnership's revision now (null when it does not say: then nothing is reused). */
async function requestRevision(url: string | undefined, options: PartnershipReaderOptions): Promise<string | null> {
  if (!url) return null;
  try {
    const response = await (options.fetch ?? callService)(revisionUrl(url), {
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    if (!response.ok) return null;
    return String(((await response.json()) as { revision: unknown }).revision);
  } catch {
    return null;
  }
}

/** A factory of per-request readers; the queries are built once, from the county's own schema. */
export function partnershipReaders(schema: GraphQLSchema, options: PartnershipReaderOptions): () => PartnershipReader {
  const queries = new Map<string, string>();
  const queryFor = (entry: PartnershipEntry, needs: AnalysisNeeds, filter: ReadFilter) => {
    const narrowed = { byCategory: filter.category !== undefined, byPeriods: filter.periods !== undefined };
    const key = `${entry.code} ${needs.join(",")} ${narrowed.byCategory} ${narrowed.byPeriods}`;
    let query = queries.get(key);
    if (!query) queries.set(key, (query = publicationsQuery(schema, entry, needs, narrowed)));
    return query;
  };
  const kept = new KeptReadings();
  const keep = options.keepReadings ?? true;
  return () => {
    const revisions = new Map<string, Promise<string | null>>();
    const readings = new Map<string, Promise<PartnershipReading>>();
    const revisionOf = (entry: PartnershipEntry) => {
      let revision = revisions.get(entry.code);
      if (!revision) {
        revision = keep ? requestRevision(options.urls.get(entry.code), options) : Promise.resolve(null);
        revisions.set(entry.code, revision);
      }
      return revision;
    };
    const read = (entry: PartnershipEntry, needs: AnalysisNeeds = ANALYSIS_FIELDS, filter: ReadFilter = {}) => {
      const fields = JSON.stringify([needs, filter.category ?? null, filter.periods ?? null]);
      const key = `${entry.code} ${fields}`;
      let reading = readings.get(key);
      if (!reading) {
        const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        const query = queryFor(entry, needs, filter);
        const fetchNow = () => requestPublications(entry, query, filter, options);
        const answer = keep
          ? revisionOf(entry).then((revision) => kept.read(entry.code, fields, revision, fetchNow))
          : fetchNow();
        reading = byDeadline(entry, answer, deadline, options);
        readings.set(key, reading);
      }
      return reading;
    };
    const readAll = (countyBoardMembersOnly = false, needs?: AnalysisNeeds, filter?: ReadFilter) =>
      Promise.all(
        partnerships
          .filter((p) => !countyBoardMembersOnly || p.countyBoardMember)
          .map((entry) => read(entry, needs, filter)),
      );
    return { read, readAll, readMembers: (needs?: AnalysisNeeds, filter?: ReadFilter) => readAll(true, needs, filter) };
  };
}
