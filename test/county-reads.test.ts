/**
 * How the county reads the partnerships' subgraphs for its analysis: directly (no gateway),
 * all partnerships at once, per GraphQL request at most one reading per partnership and
 * kind of analysis (each asking only what that analysis needs), and each reading kept until
 * that partnership's revision changes. Real partnership subgraphs and a real county
 * subgraph, in this process; the county's HTTP client is wrapped only to count its requests.
 */
import { startCountySubgraph } from "@csg/county-subgraph";
import { type RunningCspSubgraph, startCspSubgraph } from "@csg/csp-subgraph";
import { partnerships } from "@csg/schema";
import { crimeStatistics } from "../services/csp/src/db/schema";
import { eq } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dataDir: string;
let countyUrl: string;
const stops: (() => Promise<void>)[] = [];
let csps: RunningCspSubgraph[] = [];
/** Each request the county sent: the partnership's address and whether it asked its revision or read its data. */
const requests: { url: string; kind: "revision" | "reading"; body: string }[] = [];
let inFlight = 0;
let mostInFlight = 0;

const countingFetch: typeof fetch = async (input, init) => {
  const url = String(input);
  requests.push({
    url: url.replace(/\/(revision|graphql)$/, ""),
    kind: url.endsWith("/revision") ? "revision" : "reading",
    body: String(init?.body ?? ""),
  });
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
  csps = [];
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
  const response = await fetch(countyUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

const EVERY_ANALYSIS = `{ county {
  agreement { priorities { id coverage { status priorities { id } } } }
  alignment { complete partnerships { gaps { id } localPriorities { id } } }
  y2016: crimeTotals(category: "all-crime", start: "2016-04-01", end: "2017-03-31") { total missing { partnership { code } reason } }
  y2017: crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") { total partnerships { change { difference } } }
  prioritySearch(csaPriority: "domestic-abuse") { matches { priority { id } } }
  targetPerformance { met }
  mostSimilarGroupComparisons { comparisons { positions { rank } } }
} }`;

const readings = () => requests.filter((r) => r.kind === "reading");
const revisions = () => requests.filter((r) => r.kind === "revision");

describe("the county's reads of the partnerships' subgraphs", () => {
  it("asks every partnership at once, its revision once and each kind of reading at most once per GraphQL request", async () => {
    requests.length = 0;
    mostInFlight = 0;
    const { data, errors } = await queryCounty(EVERY_ANALYSIS);
    expect(errors).toBeUndefined();
    expect(data.county.y2016.missing).toEqual([]);
    expect(data.county.y2016.total).toBe(35222);
    expect(data.county.y2017.total).toBe(41325);
    expect(revisions()).toHaveLength(partnerships.length);
    expect(new Set(revisions().map((r) => r.url)).size).toBe(partnerships.length);
    // No partnership is sent the same reading twice: the two totals share one.
    const sent = readings().map((r) => `${r.url} ${r.body}`);
    expect(new Set(sent).size).toBe(sent.length);
    expect(new Set(readings().map((r) => r.url)).size).toBe(partnerships.length);
    expect(mostInFlight).toBeGreaterThanOrEqual(partnerships.length);
  });

  it("keeps each partnership's readings until its revision changes: the next request asks only revisions, then re-reads only the one that changed", async () => {
    await queryCounty(EVERY_ANALYSIS);
    requests.length = 0;
    const again = await queryCounty(EVERY_ANALYSIS);
    expect(again.data.county.y2017.total).toBe(41325);
    expect(readings()).toEqual([]);
    expect(revisions()).toHaveLength(partnerships.length);

    // Melton's 2017/18 all crime (2,799, Figure 3) corrected in its own database.
    const melton = csps[partnerships.findIndex((p) => p.code === "melton")];
    melton.database.db.update(crimeStatistics).set({ count: 2800 }).where(eq(crimeStatistics.count, 2799)).run();
    requests.length = 0;
    const changed = await queryCounty(EVERY_ANALYSIS);
    expect(changed.data.county.y2017.total).toBe(41326);
    expect(new Set(readings().map((r) => r.url))).toEqual(new Set([melton.url.replace(/\/graphql$/, "")]));
  });
});
