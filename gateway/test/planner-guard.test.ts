/**
 * The planner's guard through the gateway itself (startGateway), with both entity rules
 * relaxed so that the guard alone stands: four turns of the entity cycle (once out of a 1 GB
 * heap) answer 400 QUERY_PLAN_TOO_COSTLY within 20 s (once HTTP 500), and the gateway answers afterwards.
 * No subgraph is needed: planning comes before any fetch (here every subgraph is unreachable).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityCycle } from "../bench/entity-cycle";
import { type RunningGateway, startGateway } from "../src/gateway";
import { SUPERGRAPH_SDL } from "./support/supergraph-schema";

let gateway: RunningGateway;
beforeAll(async () => {
  const names = [...SUPERGRAPH_SDL.matchAll(/^\s+([A-Z_]+) @join__graph\(name: "([^"]+)"/gm)].map((m) => m[2]);
  gateway = await startGateway({
    port: 0,
    supergraphSdl: SUPERGRAPH_SDL,
    subgraphs: names.map((name) => ({ name, label: name, port: 9, url: "http://127.0.0.1:9/graphql" })),
    limits: { maxEntityNesting: 100, maxEntityReentries: 100 },
    freshness: { responseCache: false, deduplication: false },
  });
}, 120_000);
afterAll(() => gateway?.stop());

const ask = async (query: string) => {
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    json: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
};

describe("the planner's guard", () => {
  it("refuses four turns of the entity cycle with QUERY_PLAN_TOO_COSTLY within 20 s", async () => {
    const started = performance.now();
    const { status, json } = await ask(entityCycle(4));
    expect(status).toBe(400);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(json.errors).toHaveLength(1);
    expect(json.errors![0].extensions).toMatchObject({
      code: "QUERY_PLAN_TOO_COSTLY",
      limit: { name: "maxPlanOptions", value: 1000 },
    });
    expect(json.errors![0].message).toMatch(
      /^The operation exceeds the gateway's limit maxPlanOptions of 1000: more options than that to plan nationalPosition/,
    );
  });

  it("answers a query afterwards (its subgraphs are unreachable: an error naming them)", async () => {
    const { status, json } = await ask(`{ county { name } }`);
    expect(status).toBe(200);
    expect(json.errors![0].extensions.code).toBe("SUBGRAPH_UNAVAILABLE");
  });
});
