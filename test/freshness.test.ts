/**
 * Never stale: the gateway's response cache and the county's kept readings answer from
 * memory only while no write has committed. Each write path is tested the same way: a
 * query answered twice (the second from the cache, as /metrics shows), the write, then the
 * same query, which must answer with the write.
 */
import { issueToken, revokeToken } from "@csg/operator/tokens";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "./support/commands";
import {
  type InProcessTestSystem as TestSystem,
  startInProcessSystem as startTestSystem,
} from "./support/in-process-system";
import { CORRECT_MELTON, meltonInTheTotal, meltonStatisticId as statisticIdOf } from "./support/melton-in-the-total";

let t: TestSystem;
let files: string;
let melton: string;
let county: string;

beforeAll(async () => {
  t = await startTestSystem();
  files = mkdtempSync(join(tmpdir(), "csg-freshness-"));
  melton = issueToken(t.dataDir, "melton", "Melton officer (test)").token;
  county = issueToken(t.dataDir, "county", "County community safety team (test)").token;
});
afterAll(async () => {
  await t?.stop();
  rmSync(files, { recursive: true, force: true });
});

const metricsUrl = () => t.system.gateway.url.replace(/\/graphql$/, "/metrics");

async function metrics(): Promise<string> {
  const response = await fetch(metricsUrl());
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The value of one series in Prometheus text (0 when absent). */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const HITS = 'csg_gateway_response_cache_requests_total{result="hit"}';

const totals = () => meltonInTheTotal(t);
const meltonStatisticId = () => statisticIdOf(t);

/** Asks twice and checks the second answer came from the cache: the write that follows must get past it. */
async function cachedTotals(): Promise<{ total: number; melton: number }> {
  const first = await totals();
  const hits = sample(await metrics(), HITS);
  expect(await totals()).toEqual(first);
  expect(sample(await metrics(), HITS)).toBe(hits + 1);
  return first;
}

describe("the next query answers with every committed write", () => {
  it("a mutation through the gateway", async () => {
    expect(await cachedTotals()).toEqual({ total: 41325, melton: 2799 });
    const id = await meltonStatisticId();
    const written = await t.query(CORRECT_MELTON, { corrections: [{ id, count: 2800 }] }, melton);
    expect(written.errors).toBeUndefined();
    expect(await totals()).toEqual({ total: 41326, melton: 2800 });
  });

  it("a mutation sent straight to the partnership's subgraph, past the gateway", async () => {
    expect(await cachedTotals()).toEqual({ total: 41326, melton: 2800 });
    const id = await meltonStatisticId();
    const url = t.system.topology.all.find((s) => s.name === "melton")!.url;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${melton}` },
      body: JSON.stringify({ query: CORRECT_MELTON, variables: { corrections: [{ id, count: 2801 }] } }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(await totals()).toEqual({ total: 41327, melton: 2801 });
  });

  it("pnpm figures:import on the partnership's database file, by another process", async () => {
    expect(await cachedTotals()).toEqual({ total: 41327, melton: 2801 });
    const args = ["--partnership", "melton", "--data-dir", t.dataDir];
    const sheet = join(files, "melton-figure-3.csv");
    const exported = await runCommand("services/csp/src/commands/export-cli.ts", [
      ...args,
      "--document",
      "002_8e9c48eccd29813b.txt",
      "--locator",
      "Figure 3",
      "--out",
      sheet,
    ]);
    expect(exported.status, exported.stderr).toBe(0);
    const csv = readFileSync(sheet, "utf8");
    expect(csv).toContain(",2801,");
    writeFileSync(sheet, csv.replace(",2801,", ",2799,"));
    const imported = await runCommand("services/csp/src/commands/import-cli.ts", [...args, "--file", sheet]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(await totals()).toEqual({ total: 41325, melton: 2799 });
  });

  it("a county write", async () => {
    const AGREEMENT = `{ county { agreement { priorities { id title } } } }`;
    const title = async () =>
      (await t.query(AGREEMENT)).data.county.agreement.priorities.find((p: any) => p.id === "hate-incidents")
        .title as string;
    const before = await title();
    const hits = sample(await metrics(), HITS);
    expect(await title()).toBe(before);
    expect(sample(await metrics(), HITS)).toBe(hits + 1);
    const written = await t.query(
      `mutation { updateCsaPriority(id: "hate-incidents", changes: { title: "Tackle hate incidents (renamed in a test)" }) { id } }`,
      undefined,
      county,
    );
    expect(written.errors).toBeUndefined();
    expect(await title()).toBe("Tackle hate incidents (renamed in a test)");
  });

  it("a request unlike any before whose subgraph fetches were sent before (kept subgraph answers)", async () => {
    // A variable the operation does not declare (ignored, as the benchmark's unique requests
    // send): every body is new to the response cache, while the county's fetch is the same,
    // so its answer is kept and taken.
    let asked = 0;
    const uniqueTotals = () => meltonInTheTotal(t, { asked: ++asked });
    const KEPT = 'csg_gateway_subgraph_answers_kept_total{subgraph="county"}';
    const first = await uniqueTotals();
    const kept = sample(await metrics(), KEPT);
    expect(await uniqueTotals()).toEqual(first);
    expect(sample(await metrics(), KEPT)).toBe(kept + 1);
    const id = await meltonStatisticId();
    const written = await t.query(CORRECT_MELTON, { corrections: [{ id, count: first.melton + 1 }] }, melton);
    expect(written.errors).toBeUndefined();
    expect(await uniqueTotals()).toEqual({ total: first.total + 1, melton: first.melton + 1 });
  });
});

describe("answers that depend on the caller's token", () => {
  const AUDIT = `query MeltonAudit { partnership(code: "melton") { code auditTrail(limit: 5) { operation } } }`;

  it("are never served to another caller, and not after the token is revoked", async () => {
    const officer = issueToken(t.dataDir, "melton", "Melton officer who leaves (test)");
    const own = await t.query(AUDIT, undefined, officer.token);
    expect(own.errors).toBeUndefined();
    expect(own.data.partnership.auditTrail.map((e: any) => e.operation)).toContain("importCrimeStatistics");
    const hits = sample(await metrics(), HITS);
    expect(await t.query(AUDIT, undefined, officer.token)).toEqual(own);
    expect(sample(await metrics(), HITS)).toBe(hits + 1);

    // The same operation from someone else: no token, another partnership's token.
    const anonymous = await t.query(AUDIT);
    expect(anonymous.data.partnership.auditTrail).toBeNull();
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const other = await t.query(
      AUDIT,
      undefined,
      issueToken(t.dataDir, "harborough", "Harborough officer (test)").token,
    );
    expect(other.data.partnership.auditTrail).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    // Revoked by the command, another process: the next request with it is refused.
    const revoked = await runCommand("services/operator/src/admin/token-cli.ts", [
      "revoke",
      officer.id,
      "--data-dir",
      t.dataDir,
    ]);
    expect(revoked.status, revoked.stderr).toBe(0);
    const after = await t.query(AUDIT, undefined, officer.token);
    expect(after.data.partnership.auditTrail).toBeNull();
    expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("and a token revoked in process (the token code the commands use) is refused on the next request too", async () => {
    const officer = issueToken(t.dataDir, "melton", "Another Melton officer (test)");
    expect((await t.query(AUDIT, undefined, officer.token)).errors).toBeUndefined();
    expect((await t.query(AUDIT, undefined, officer.token)).errors).toBeUndefined();
    revokeToken(t.dataDir, officer.id);
    expect((await t.query(AUDIT, undefined, officer.token)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("GET /metrics", () => {
  it("exposes requests by operation and outcome, latency histograms, cache hits and misses, and subgraph fetches by subgraph", async () => {
    await t.query(`query BadField { county { noSuchField } }`);
    const text = await metrics();
    expect(
      sample(text, 'csg_gateway_requests_total{operation="MeltonInTheTotal",outcome="success"}'),
    ).toBeGreaterThanOrEqual(8);
    expect(sample(text, 'csg_gateway_requests_total{operation="BadField",outcome="failure"}')).toBe(1);
    expect(sample(text, 'csg_gateway_requests_total{operation="MeltonAudit",outcome="error"}')).toBeGreaterThanOrEqual(
      3,
    );
    expect(
      sample(text, 'csg_gateway_request_duration_seconds_count{operation="MeltonInTheTotal",cache="hit"}'),
    ).toBeGreaterThanOrEqual(3);
    expect(
      sample(text, 'csg_gateway_request_duration_seconds_count{operation="MeltonInTheTotal",cache="miss"}'),
    ).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(
      /^csg_gateway_request_duration_seconds_bucket\{le="0\.005",operation="MeltonInTheTotal",cache="hit"\} \d+$/m,
    );
    expect(sample(text, HITS)).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'csg_gateway_response_cache_requests_total{result="miss"}')).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'csg_gateway_subgraph_fetch_duration_seconds_count{subgraph="county"}')).toBeGreaterThanOrEqual(
      4,
    );
    expect(sample(text, 'csg_gateway_subgraph_fetch_duration_seconds_count{subgraph="melton"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(text).toContain("# TYPE csg_gateway_subgraph_fetch_errors_total counter");
    expect(text).toContain("csg_gateway_process_resident_memory_bytes");
  });

  it("counts a subgraph's failed fetches by subgraph", async () => {
    await t.system.services.get("rutland")!.stop();
    try {
      const { errors } = await t.query(`{ partnership(code: "rutland") { priorities { title } } }`);
      expect(errors?.[0].extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
      expect(sample(await metrics(), 'csg_gateway_subgraph_fetch_errors_total{subgraph="rutland"}')).toBe(1);
    } finally {
      await t.system.restart("rutland");
    }
  });
});
