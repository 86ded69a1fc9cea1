import { type PartnershipEntry, partnerships } from "@csg/schema";
import type { GraphQLSchema } from "graphql";
import { type PartnershipReading, toPublications } from "./publications";
import { publicationsQuery } from "./selection";

export interface PartnershipReaderOptions {
  /** Where each partnership's subgraph listens, by registry code (from topology()). */
  urls: Map<string, string>;
  /** How long to wait for a partnership before reporting it unavailable. */
  timeoutMs?: number;
  /** The HTTP client: global fetch unless a test counts requests. */
  fetch?: typeof fetch;
}

/** Below the gateway's timeout for the county (10 s), so a hung partnership is named in time. */
const DEFAULT_TIMEOUT_MS = 4000;

/**
 * Reads the partnerships' subgraphs directly over their subgraph API (never through the
 * gateway: no cycle). One reader serves one GraphQL request: each partnership is asked at
 * most once, for everything the analysis needs, and the partnerships are asked in parallel.
 * There is no cache across requests, so a partnership's change shows on the next query.
 */
export interface PartnershipReader {
  read(entry: PartnershipEntry): Promise<PartnershipReading>;
  /** The county board's members (the district partnerships), in registry order. */
  readMembers(): Promise<PartnershipReading[]>;
  /** Every registered partnership, or the members only. */
  readAll(countyBoardMembersOnly?: boolean): Promise<PartnershipReading[]>;
}

async function requestPublications(
  entry: PartnershipEntry,
  query: string,
  options: PartnershipReaderOptions,
): Promise<PartnershipReading> {
  const url = options.urls.get(entry.code);
  const unavailable = (problem: string): PartnershipReading => ({ partnership: entry, publications: null, problem });
  if (!url) return unavailable(`no subgraph address is configured for ${entry.code}`);
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables: { representations: [{ __typename: entry.entityTypeName, code: entry.code }] } }),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    if (!response.ok) return unavailable(`${entry.name} answered HTTP ${response.status} at ${url}`);
    const body = (await response.json()) as { data?: { _entities?: unknown[] }; errors?: { message: string }[] };
    if (body.errors?.length) return unavailable(`${entry.name} answered with errors: ${body.errors.map((e) => e.message).join("; ")}`);
    const entity = body.data?._entities?.[0];
    if (!entity) return unavailable(`${entry.name} did not resolve its own entity ${entry.entityTypeName}`);
    return { partnership: entry, publications: toPublications(entity as Parameters<typeof toPublications>[0]), problem: null };
  } catch (error) {
    return unavailable(`${entry.name} is unavailable at ${url}: ${(error as Error).message}`);
  }
}

/** A factory of per-request readers; the queries are built once, from the county's own schema. */
export function partnershipReaders(schema: GraphQLSchema, options: PartnershipReaderOptions): () => PartnershipReader {
  const queries = new Map(partnerships.map((entry) => [entry.code, publicationsQuery(schema, entry)]));
  return () => {
    const readings = new Map<string, Promise<PartnershipReading>>();
    const read = (entry: PartnershipEntry) => {
      let reading = readings.get(entry.code);
      if (!reading) {
        reading = requestPublications(entry, queries.get(entry.code)!, options);
        readings.set(entry.code, reading);
      }
      return reading;
    };
    const readAll = (countyBoardMembersOnly = false) =>
      Promise.all(partnerships.filter((p) => !countyBoardMembersOnly || p.countyBoardMember).map(read));
    return { read, readAll, readMembers: () => readAll(true) };
  };
}
