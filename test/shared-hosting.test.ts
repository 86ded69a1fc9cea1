/**
 * `pnpm start`'s default hosting (shared): every subgraph in one process beside the gateway's,
 * under the launcher (the bundles, as `pnpm start` runs them). The same answers and the same
 * freshness as one process a subgraph; the launcher shows the shared process's state as each
 * subgraph's in /health, and starts it again when it dies; a gateway killed takes no subgraph
 * with it.
 */
import { DEFAULT_HOSTING, SHARED_HOST_PROCESS } from "@csg/operator/system";
import { issueToken } from "@csg/operator/tokens";
import { GATEWAY_PROCESS } from "@csg/service-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORRECT_MELTON, meltonInTheTotal, meltonStatisticId } from "./support/melton-in-the-total";
import { startTestSystem, type TestSystem } from "./support/system";

let t: TestSystem;
let melton: string;

beforeAll(async () => {
  t = await startTestSystem({ restartDelayMs: 200 });
  melton = issueToken(t.dataDir, "melton", "Melton officer (shared hosting test)").token;
}, 300_000);
afterAll(async () => {
  await t?.stop();
});

const totals = () => meltonInTheTotal(t);

async function health(): Promise<any> {
  return (await fetch(t.system.gateway.healthUrl)).json();
}

describe("every subgraph in one process", () => {
  it("runs two processes: the subgraphs' and the gateway's", () => {
    expect(DEFAULT_HOSTING).toBe("shared");
    expect([...t.system.services.keys()].sort()).toEqual(["gateway", SHARED_HOST_PROCESS]);
    const host = t.system.services.get(SHARED_HOST_PROCESS)!;
    expect(host.hosts).toEqual(t.system.topology.all.map((s) => s.name));
  });

  it("serves Charnwood's All Crime of 11,258 and the county's totals of every partnership", async () => {
    const { data, errors } = await t.query(
      `{ partnership(code: "charnwood") { crimeStatistics(category: "all-crime") { count } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.partnership.crimeStatistics.map((s: { count: number }) => s.count)).toContain(11258);
    expect(await totals()).toEqual({ total: 41325, melton: 2799 });
  });

  it("answers with a write at once: the gateway reads the files the shared process writes", async () => {
    expect(await totals()).toEqual({ total: 41325, melton: 2799 });
    const id = await meltonStatisticId(t);
    const written = await t.query(CORRECT_MELTON, { corrections: [{ id, count: 2800 }] }, melton);
    expect(written.errors).toBeUndefined();
    expect(await totals()).toEqual({ total: 41326, melton: 2800 });
  });

  it("shows each subgraph in /health as the shared process runs", async () => {
    const shown = await health();
    expect(shown.status).toBe("ok");
    expect(shown.subgraphs).toHaveLength(t.system.topology.all.length);
    for (const subgraph of shown.subgraphs)
      expect(subgraph).toMatchObject({ status: "up", process: { state: "running", restarts: 0 } });
  });

  it("is started again when it dies, every subgraph with it, and answers", async () => {
    const first = t.system.services.get(SHARED_HOST_PROCESS)!;
    process.kill(first.process.pid!, "SIGKILL");
    let shown: any;
    for (let i = 0; i < 150; i++) {
      shown = await health();
      if (shown.status === "ok" && shown.subgraphs.every((s: any) => s.process.restarts === 1)) break;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    for (const subgraph of shown.subgraphs)
      expect(subgraph).toMatchObject({
        status: "up",
        process: { state: "running", restarts: 1, lastExit: { code: null, signal: "SIGKILL" } },
      });
    expect(t.system.services.get(SHARED_HOST_PROCESS)).not.toBe(first);
    // The correction above was committed: it is there after the restart.
    expect(await totals()).toEqual({ total: 41326, melton: 2800 });
  });

  it("leaves every subgraph serving when the gateway is killed, and starts the gateway again", async () => {
    const host = t.system.services.get(SHARED_HOST_PROCESS)!;
    const killed = t.system.services.get(GATEWAY_PROCESS)!;
    process.kill(killed.process.pid!, "SIGKILL");
    // Charnwood's own subgraph answers while no gateway runs.
    const charnwood = t.system.topology.all.find((s) => s.name === "charnwood")!;
    const own = await fetch(charnwood.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CharnwoodCsp { crimeStatistics(category: "all-crime") { count } } } }`,
        variables: { r: [{ __typename: "CharnwoodCsp", code: "charnwood" }] },
      }),
    }).then((r) => r.json() as Promise<any>);
    expect(own.data._entities[0].crimeStatistics.map((s: { count: number }) => s.count)).toContain(11258);
    let shown: any;
    for (let i = 0; i < 150; i++) {
      shown = await health().catch(() => undefined);
      if (shown?.gateway.process?.restarts === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(shown.gateway.process).toMatchObject({ state: "running", restarts: 1, lastExit: { signal: "SIGKILL" } });
    expect(t.system.services.get(GATEWAY_PROCESS)).not.toBe(killed);
    // The subgraphs' process was not started again.
    expect(t.system.services.get(SHARED_HOST_PROCESS)).toBe(host);
    expect(await totals()).toEqual({ total: 41326, melton: 2800 });
  });
});
