/**
 * How the county reads the partnerships' subgraphs for its analysis: directly (no gateway),
 * at most one HTTP request per partnership per GraphQL request, all partnerships at once,
 * and nothing kept between requests. Real partnership subgraphs and a real county subgraph,
 * in this process; the county's HTTP client is wrapped only to count its requests.
 */
import { startCountySubgraph } from "@csg/county-subgraph";
import { type RunningCspSubgraph, startCspSubgraph } from "@csg/csp-subgraph";
import { partnerships } from "@csg/schema";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dataDir: string;
let countyUrl: string;
const stops: (() => Promise<void>)[] = [];
const requests: string[] = [];
let inFlight = 0;
let mostInFlight = 0;

const countingFetch: typeof fetch = async (input, init) => {
  requests.push(String(input));
  mostInFlight = Math.max(mostInFlight, ++inFlight);
  try {
    return await fetch(input, init);
  } finally {
    inFlight--;
  }
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "csg-county-reads-"));
  // One at a time: type-graphql's metadata is global, so schemas are built one after another in a process.
  const csps: RunningCspSubgraph[] = [];
  for (const p of partnerships) {
    const csp = await startCspSubgraph({ partnership: p.code, port: 0, dataDir });
    stops.push(csp.stop);
    csps.push(csp);
  }
  const county = await startCountySubgraph({
    port: 0,
    dataDir,
    partnershipSubgraphs: { urls: new Map(partnerships.map((p, i) => [p.code, csps[i].url])), fetch: countingFetch },
  });
  stops.push(county.stop);
  countyUrl = county.url;
});

afterAll(async () => {
  await Promise.all(stops.map((stop) => stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function queryCounty(query: string) {
  const response = await fetch(countyUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const EVERY_ANALYSIS = `{ county {
  agreement { priorities { id coverage { status priorities { id } } } }
  alignment { complete partnerships { gaps { id } localPriorities { id } } }
  y2016: crimeTotals(category: "all-crime", start: "2016-04-01", end: "2017-03-31") { total }
  y2017: crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") { total partnerships { change { difference } } }
  prioritySearch(csaPriority: "domestic-abuse") { matches { priority { id } } }
  targetPerformance { met }
  mostSimilarGroupComparisons { comparisons { positions { rank } } }
} }`;

describe("the county's reads of the partnerships' subgraphs", () => {
  it("asks each partnership once per GraphQL request, however many analyses the request holds, all at once", async () => {
    requests.length = 0;
    mostInFlight = 0;
    const { data, errors } = await queryCounty(EVERY_ANALYSIS);
    expect(errors).toBeUndefined();
    expect(data.county.y2016.total).toBe(35222);
    expect(data.county.y2017.total).toBe(41325);
    expect(requests).toHaveLength(partnerships.length);
    expect(new Set(requests).size).toBe(partnerships.length);
    expect(mostInFlight).toBe(partnerships.length);
  });

  it("keeps nothing between requests: the next request asks again", async () => {
    requests.length = 0;
    await queryCounty(EVERY_ANALYSIS);
    await queryCounty(`{ county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") { total } } }`);
    // The second request reads only the seven county board members: a total is theirs alone.
    expect(requests).toHaveLength(partnerships.length + partnerships.filter((p) => p.countyBoardMember).length);
  });
});
