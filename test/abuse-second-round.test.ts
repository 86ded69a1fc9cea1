/**
 * The second round of abuse (issue 18), through the real system: valid, short, anonymous
 * requests that once hung the gateway, ran the planner out of memory, grew /metrics without
 * end, echoed 700 KB back, or held memory for stalled uploads. Each case states its bound
 * (generous: this machine is shared; the limits answer in milliseconds); after every case the
 * gateway still answers a plain query, and at the end no process has restarted. Every
 * subgraph in one process beside the gateway's (`hosting: "shared"`): the gateway's process
 * is what these cases reach and measure, and three processes start for a fraction of the CPU
 * of twelve. The write that once lost its outcome needs one partnership's process stopped
 * alone: it is in faults.test.ts.
 */
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { entityCycle } from "../gateway/bench/entity-cycle";
import { stalledUploads } from "./support/stalled-uploads";
import { startTestSystem, type TestSystem } from "./support/system";

const PARTNERSHIP_TIMEOUT_MS = 2000;
const DEADLINE_MS = 6000;
/** Every refusal below is answered within this (they take milliseconds on a quiet machine). */
const BOUND_MS = 5000;

let t: TestSystem;

beforeAll(async () => {
  t = await startTestSystem({
    hosting: "shared",
    gateway: {
      timeouts: { defaultMs: PARTNERSHIP_TIMEOUT_MS, bySubgraph: { county: 8000 }, requestDeadlineMs: DEADLINE_MS },
    },
    env: { CSG_PARTNERSHIP_READ_TIMEOUT_MS: "3000" },
  });
}, 300_000);
afterAll(async () => {
  await t?.stop();
});

/** After every case: a plain query answers (Charnwood's All Crime of 11,258 for April 2018 to January 2019). */
afterEach(async () => {
  const { data, errors } = await t.query(
    `{ partnership(code: "charnwood") { crimeStatistics(category: "all-crime") { count } } }`,
  );
  expect(errors).toBeUndefined();
  expect(data.partnership.crimeStatistics.map((s: { count: number }) => s.count)).toContain(11258);
});

type Answer = {
  status: number;
  ms: number;
  text: string;
  json: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
};

async function post(
  body: string,
  headers: Record<string, string> = { "content-type": "application/json" },
): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(t.system.gateway.url, {
    method: "POST",
    headers,
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, ms: Date.now() - started, text, json: JSON.parse(text) };
}

const ask = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  post(JSON.stringify({ query, variables, operationName }));
const codes = (answer: Answer) => (answer.json.errors ?? []).map((e) => e.extensions?.code);

/** n fragments on CsaPriority, each spreading the next twice (2^n paths), as the issue sent them. */
function fanOut(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) =>
    i + 1 < n
      ? `fragment F${i} on CsaPriority { id ...F${i + 1} ...F${i + 1} }`
      : `fragment F${i} on CsaPriority { title }`,
  );
  return `{ county { agreement { priorities { ...F0 } } } }\n${fragments.join("\n")}`;
}

describe("fragments that fan out (once: no answer in 25 s, /health timed out)", () => {
  for (const n of [24, 50]) {
    it(`${n} fragments each spreading the next twice: answered within ${BOUND_MS / 1000} s, /health too`, async () => {
      const answer = await ask(fanOut(n));
      expect(answer.ms).toBeLessThan(BOUND_MS);
      // Armor counts each spread as a level: refused as too deep, where our rule once hung.
      expect(answer.status).toBe(400);
      expect(codes(answer)).toContain("MAX_DEPTH_EXCEEDED");
      const started = Date.now();
      const health = await fetch(t.system.gateway.healthUrl);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(BOUND_MS);
    });
  }
});

describe("entity cycles through the national subgraph (once: out of memory, every process down)", () => {
  it("a partnership within a partnership is answered: Charnwood's national row names Charnwood", async () => {
    const answer = await ask(entityCycle(1));
    expect(answer.json.errors).toBeUndefined();
    const position = answer.json.data.partnership.nationalPosition;
    expect(position.partnership.code).toBe("charnwood");
    expect(position.partnership.nationalPosition.rank).toBe(position.rank);
  });

  for (const levels of [2, 3, 4, 5]) {
    it(`${levels + 1} partnerships on one path: refused before planning with ENTITY_NESTED_IN_ITSELF within ${BOUND_MS / 1000} s`, async () => {
      const answer = await ask(entityCycle(levels, levels === 5 ? "aliases" : "one"));
      expect(answer.ms).toBeLessThan(BOUND_MS);
      expect(answer.status).toBe(400);
      const refusal = answer.json.errors!.find((e) => e.extensions?.code === "ENTITY_NESTED_IN_ITSELF")!;
      expect(refusal.extensions).toMatchObject({ limit: { name: "maxEntityNesting", value: 2 } });
      expect(refusal.message).toContain(
        "the entity type CommunitySafetyPartnership appears 3 times on the path partnership > partnership > partnership",
      );
    });
  }
});

describe("entity re-entries across an operation", () => {
  it("ten aliases of a national row's partnership's own priorities within a partnership (4.2 s to plan): refused within 5 s", async () => {
    const position = (inner: string) =>
      `nationalPosition(financialYear: "2019/20", category: "all-crime") { rank ${inner} }`;
    const row = `rank partnership { code ${position(`partnership { code name priorities { title } crimeStatistics { count } }`)} }`;
    const query = `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: nationalComparison(category: "all-crime", financialYear: "2019/20") { rows { ${row} } }`).join(" ")} }`;
    const answer = await ask(query);
    expect(answer.ms).toBeLessThan(BOUND_MS);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["ENTITY_REENTRIES_EXCEEDED"]);
    expect(answer.json.errors![0].extensions).toMatchObject({ limit: { name: "maxEntityReentries", value: 1 } });
  });
});

describe("client-chosen operation names (once: /metrics 180 MB, then the launcher exited)", () => {
  it("300 names of 100 KB keep /metrics small and its labels few", async () => {
    for (let i = 0; i < 300; i++) {
      const name = `N${i}_${"n".repeat(100_000)}`;
      const answer = await ask(`query ${name} { county { name } }`);
      expect(answer.status).toBe(200);
    }
    const metrics = await (await fetch(t.system.gateway.url.replace("/graphql", "/metrics"))).text();
    expect(metrics.length).toBeLessThan(1_000_000);
    const labels = new Set([...metrics.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    expect(labels.size).toBeLessThanOrEqual(60);
    expect(labels).toContain("other");
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(64);
  }, 180_000);
});

describe("protocol", () => {
  it("a subscription answers 400 OPERATION_NOT_SUPPORTED, not 500", async () => {
    const answer = await ask(`subscription { county { name } }`);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(["OPERATION_NOT_SUPPORTED"]);
  });

  it("only application/json (with parameters) is JSON: application/jsonx is refused with 415", async () => {
    const body = JSON.stringify({ query: "{ county { name } }" });
    const jsonx = await post(body, { "content-type": "application/jsonx" });
    expect(jsonx.status).toBe(415);
    expect(codes(jsonx)).toEqual(["UNSUPPORTED_MEDIA_TYPE"]);
    const charset = await post(body, { "content-type": "application/json; charset=utf-8" });
    expect(charset.status).toBe(200);
    expect(charset.json.data.county.name).toContain("Leicestershire");
  });
});

describe("errors quote a short prefix of what was sent (once: whole arguments, up to 700 KB)", () => {
  it("an invalid variable of 100,000 characters, and an unknown operation name of as many", async () => {
    const long = "9".repeat(100_000);
    const variable = await ask(
      `query($code: ID!, $n: Int) { partnership(code: $code) { districts { population(year: $n) { count } } } }`,
      { code: "charnwood", n: long },
    );
    expect(variable.status).toBe(400);
    expect(variable.text.length).toBeLessThan(2000);
    expect(variable.json.errors![0].message).toContain(`"${"9".repeat(60)}…" (100000 characters)`);
    const unknown = await ask(`query A { county { name } }`, undefined, `B${long}`);
    expect(unknown.status).toBe(400);
    expect(codes(unknown)).toEqual(["OPERATION_RESOLUTION_FAILURE"]);
    expect(unknown.text.length).toBeLessThan(2000);
  });
});

describe("connections", () => {
  it("headers over 16 KB answer 431 with a code (once: the connection closed without a word)", async () => {
    const { port } = new URL(t.system.gateway.url);
    const text = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), "127.0.0.1");
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString("latin1")));
      socket.on("close", () => resolve(received));
      socket.on("error", () => resolve(received));
      socket.write(`GET /health HTTP/1.1\r\nhost: localhost\r\nx-padding: ${"p".repeat(20_000)}\r\n\r\n`);
    });
    expect(text).toMatch(/^HTTP\/1.1 431 /);
    expect(text).toContain('"code":"HEADERS_TOO_LARGE"');
  });

  it("400 stalled uploads of 0.9 MB: all but the budget's worth refused with 503 within 60 s, and their bytes given back", async () => {
    const metricsUrl = t.system.gateway.url.replace("/graphql", "/metrics");
    const read = async (name: string) =>
      Number(new RegExp(`^${name} (\\S+)$`, "m").exec(await (await fetch(metricsUrl)).text())?.[1]);
    const baseline = await read("csg_gateway_process_resident_memory_bytes");
    let peakPending = 0;
    let peakResident = 0;
    const watching = setInterval(() => {
      void read("csg_gateway_pending_request_body_bytes").then((bytes) => (peakPending = Math.max(peakPending, bytes)));
      void read("csg_gateway_process_resident_memory_bytes").then(
        (bytes) => (peakResident = Math.max(peakResident, bytes)),
      );
    }, 250);
    // Held until no more than the budget's worth (71) and a few in transit are unanswered.
    const statuses = await stalledUploads(t.system.gateway.url, 400, 1_000_000, 900_000, 4000, 90);
    clearInterval(watching);
    const refused = statuses.filter((s) => s === "503").length;
    // 64 MB holds 71 bodies of 0.9 MB; the rest are refused.
    expect(refused).toBeGreaterThanOrEqual(300);
    expect(peakPending).toBeLessThanOrEqual(64_000_000);
    await expect.poll(() => read("csg_gateway_pending_request_body_bytes"), { timeout: 20_000 }).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const after = await read("csg_gateway_process_resident_memory_bytes");
    console.log(
      `stalled uploads: ${refused} of 400 refused (503); pending body bytes at most ${(peakPending / 1e6).toFixed(1)} MB; resident memory ${(baseline / 1e6).toFixed(0)} MB before, ${(peakResident / 1e6).toFixed(0)} MB at most during, ${(after / 1e6).toFixed(0)} MB 5 s after`,
    );
    // The gateway's process holds the budget, not the 360 MB sent (its process is the test's own when the gateway runs in the launcher).
    expect(peakResident - baseline).toBeLessThan(300_000_000);
  }, 120_000);
});

describe("afterwards", () => {
  it("no process restarted, and /health is ok", async () => {
    const response = await fetch(t.system.gateway.healthUrl);
    const health = (await response.json()) as {
      status: string;
      subgraphs: { name: string; process?: { restarts: number } }[];
    };
    expect(response.status).toBe(200);
    expect(health.status).toBe("ok");
    for (const subgraph of health.subgraphs)
      expect([subgraph.name, subgraph.process?.restarts ?? 0]).toEqual([subgraph.name, 0]);
  });
});
