/**
 * The gateway's GraphQL endpoint (graphql-endpoint.ts) over a small schema: its log line per
 * request (the operation's name, duration, cache outcome and status, never the caller's
 * token nor the variables' values, whether answered, answered from the cache, or refused),
 * identical reads in flight answered once, and a repeated body answered from the cache by its
 * exact bytes and caller (and a refused one refused every time).
 */
import { ApolloServer } from "@apollo/server";
import { listen } from "@csg/service-runtime";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayContext } from "../src/context";
import { graphqlEndpoint } from "../src/graphql-endpoint";
import { InFlightAnswers } from "../src/freshness/in-flight-answers";
import { ResponseCache } from "../src/freshness/response-cache";
import { RevisionWatch } from "../src/freshness/revision-watch";
import { gatewayMetrics } from "../src/observability/metrics";
import { OperationLabels } from "../src/observability/operation-labels";

const TOKEN = "csg_county_0123456789abcdefSECRET";
const VARIABLE = "Loughborough-secret-variable";

const lines: Record<string, unknown>[] = [];
let text = "";
let url: string;
let stop: () => Promise<void>;
/** How often the slow field was resolved. */
let slowRuns = 0;

/** In-flight deduplication that counts the requests it was asked about. */
class CountedInFlight extends InFlightAnswers {
  asked = 0;
  override share(...args: Parameters<InFlightAnswers["share"]>) {
    this.asked++;
    return super.share(...args);
  }
}
const inFlight = new CountedInFlight();
/** The slow field answers once deduplication was asked about this many requests (0: after 200 ms), however loaded the machine. */
let slowAnswersAt = 0;
const slowAnswer = async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (let waited = 0; inFlight.asked < slowAnswersAt && waited < 10_000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return ++slowRuns;
};
const metrics = gatewayMetrics();

beforeAll(async () => {
  const server = new ApolloServer<GatewayContext>({
    csrfPrevention: false, // as the gateway: queries by GET
    typeDefs: "type Query { greeting(place: String!): String! slowCount: Int! }",
    resolvers: {
      Query: {
        greeting: (_: unknown, { place }: { place: string }) => `Hello, ${place}`,
        slowCount: slowAnswer,
      },
    },
  });
  await server.start();
  const log = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString("utf8");
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  // The data's revision never changes (this server answers it), so a repeated read is a cache hit.
  let endpoint: ReturnType<typeof graphqlEndpoint> | undefined;
  const http = await listen(0, (request, response) => {
    if (request.url === "/revision") response.end(JSON.stringify({ revision: "1" }));
    else void endpoint?.(request, response);
  });
  url = `http://localhost:${http.port}/graphql`;
  const revisions = new RevisionWatch({ subgraphs: [{ name: "greetings", url }] });
  endpoint = graphqlEndpoint({
    server,
    cache: new ResponseCache(),
    revisions,
    inFlight,
    metrics,
    labels: new OperationLabels([], 5),
    logger: pino({ level: "info" }, log),
  });
  stop = async () => {
    await http.stop();
    await server.stop();
  };
});

afterAll(() => stop?.());

function post(body: unknown, contentType = "application/json") {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
}

describe("the gateway's request log", () => {
  it("logs one line per request with name, duration, cache and status, and never a token or a variable's value", async () => {
    const greeting = {
      query: "query Greeting($place: String!) { greeting(place: $place) }",
      variables: { place: VARIABLE },
    };
    expect(await (await post(greeting)).json()).toEqual({ data: { greeting: `Hello, ${VARIABLE}` } });
    await post(greeting); // the same again: from the cache
    await post({
      query: "query Broken($place: String!) { greeting(place: $place",
      operationName: "Broken",
      variables: { place: VARIABLE },
    });
    await fetch(`${url}?query=${encodeURIComponent(`{ greeting(place: "${VARIABLE}") }`)}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });

    expect(
      lines.map(({ operation, cache, shared, status, outcome }) => ({ operation, cache, shared, status, outcome })),
    ).toEqual([
      { operation: "Greeting", cache: "miss", shared: false, status: 200, outcome: "success" },
      { operation: "Greeting", cache: "hit", shared: false, status: 200, outcome: "success" },
      { operation: "Broken", cache: "off", shared: false, status: 400, outcome: "failure" },
      { operation: "anonymous", cache: "off", shared: false, status: 200, outcome: "success" },
    ]);
    for (const line of lines) expect(typeof line.durationMs).toBe("number");
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("SECRET");
    expect(text).not.toContain(VARIABLE);
  });

  it("answers identical reads in flight once: the others share its answer", async () => {
    lines.length = 0;
    // Answered only once all three are waiting: under load, a third request could otherwise arrive after the first was answered.
    slowAnswersAt = inFlight.asked + 3;
    const answers = await Promise.all(
      [1, 2, 3].map(() => post({ query: "query Slow { slowCount }" }).then((r) => r.json())),
    );
    expect(answers).toEqual(Array(3).fill({ data: { slowCount: 1 } }));
    expect(slowRuns).toBe(1);
    expect(lines.map((l) => l.shared).sort()).toEqual([false, true, true]);
    // Once answered, nothing is shared: a later read of another caller runs again.
    const other = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query Slow { slowCount }" }),
    });
    expect(await other.json()).toEqual({ data: { slowCount: 2 } });
  });

  it("keeps metric labels to a closed set and cuts client-chosen names in the log", async () => {
    lines.length = 0;
    // 300 names of 20 KB each (once 100 names of 100 KB made /metrics 180 MB), and 20 short ones.
    const long = (i: number) => `Q${i}_${"x".repeat(20_000)}`;
    for (let i = 0; i < 300; i++) await post({ query: `query ${long(i)} { greeting(place: "x") }` });
    for (let i = 0; i < 20; i++) await post({ query: `query Short${i} { greeting(place: "y") }` });
    await post({ query: `{ greeting(place: "y") }`, operationName: `Missing_${"y".repeat(50_000)}` });
    const text = await metrics.registry.metrics();
    const labels = new Set([...text.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    // The earlier tests' names (Broken's document does not parse: "other"), then the first short names up to the cap of 5.
    expect([...labels].sort()).toEqual(["Greeting", "Short0", "Short1", "Short2", "Slow", "anonymous", "other"].sort());
    expect(text.length).toBeLessThan(100_000);
    expect(lines).toHaveLength(321);
    for (const line of lines) expect((line.operation as string).length).toBeLessThan(100);
    expect(lines[0].operation).toBe(`Q0_${"x".repeat(61)}… (20003 characters)`);
  });

  it("answers a repeated body from the cache by its exact bytes and caller, and never stores a refusal", async () => {
    lines.length = 0;
    const before = slowRuns;
    const send = (body: string, authorization = `Bearer ${TOKEN}`) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization }, body });
    const body = JSON.stringify({ query: "query Again { slowCount }" });
    const first = await (await send(body)).text();
    const second = await send(body);
    expect(await second.text()).toBe(first);
    expect(JSON.parse(first)).toEqual({ data: { slowCount: before + 1 } });
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(first)));
    // Another caller, and the same request spaced differently: each runs (and is stored) on its own.
    expect(await (await send(body, "Bearer another-caller")).json()).toEqual({ data: { slowCount: before + 2 } });
    expect(await (await send(JSON.stringify({ query: "query Again { slowCount }" }, null, 1))).json()).toEqual({
      data: { slowCount: before + 3 },
    });
    // A document that fails validation is refused every time: only answers without errors are stored.
    const invalid = JSON.stringify({ query: "query Bad { slowCount noSuchField }" });
    for (let i = 0; i < 2; i++) expect((await send(invalid)).status).toBe(400);
    expect(lines.map((l) => l.cache)).toEqual(["miss", "hit", "miss", "miss", "bypass", "bypass"]);
  });
});
