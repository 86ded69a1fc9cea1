/**
 * The gateway as a process of its own, under the launcher as `pnpm start` runs it (its
 * bundle, in a process of this file's own, so that the test can signal it): a gateway killed
 * with SIGKILL leaves every subgraph serving and is started again, its restart shown in
 * /health; SIGTERM to the launcher while a request hangs in the gateway stops every process
 * and frees every port within a bound.
 */
import { STOP_GRACE_MS } from "@csg/operator/system";
import { partnerships } from "@csg/schema";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot } from "./support/commands";
import { copySeededData } from "./support/seeded-data";
import { onFreePorts } from "./support/free-ports";
import { TEST_BUNDLES } from "./support/test-bundles";

/** SIGTERM to the launcher: it exits, every process gone and every port free, within the kill grace and this margin. */
const STOP_BOUND_MS = STOP_GRACE_MS + 10_000;

let dataDir: string;
let launcher: ChildProcess;
let output = "";
let base = "";
/** Every subgraph's name and address, as the launcher printed them. */
let subgraphs: { name: string; url: string }[] = [];

/** The launcher's children now: pid and command line. */
function childrenOf(pid: number): { pid: number; command: string }[] {
  const pids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return pids.flatMap((child) => {
    try {
      return [{ pid: child, command: readFileSync(`/proc/${child}/cmdline`, "utf8").replaceAll("\0", " ") }];
    } catch {
      // Gone between the listing and now (as a killed subgraph the launcher has just reaped): no child any more.
      return [];
    }
  });
}

const gatewayPid = () => childrenOf(launcher.pid!).find((c) => c.command.includes("gateway.mjs"))?.pid;

/** Every process on the machine whose command line names this file's data folder (or `folder`). */
function processesOfThisSystem(folder = dataDir): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(folder);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** Whether something listens on the port (we cannot listen there ourselves). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/**
 * `pnpm start`'s launcher, from the bundles the tests built, each subgraph in a process of its
 * own (`--hosting separate`): a partnership's process dies below while the others serve
 * (test/shared-hosting.test.ts kills the gateway of the default, shared hosting).
 */
const spawnLauncher = (portOffset: number, folder: string) =>
  spawn(
    process.execPath,
    [
      join(process.env[TEST_BUNDLES]!, "start.mjs"),
      "--port-offset",
      String(portOffset),
      "--data-dir",
      folder,
      "--hosting",
      "separate",
    ],
    {
      cwd: repositoryRoot,
      env: { ...process.env, NODE_NO_WARNINGS: "1", CSG_LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );

function startOnPorts(portOffset: number): Promise<void> {
  output = "";
  launcher = spawnLauncher(portOffset, dataDir);
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const endpoint = /GraphQL endpoint: (\S+)/.exec(output);
      if (endpoint) {
        base = new URL(endpoint[1]).origin;
        subgraphs = [...output.matchAll(/^ {2}(\S+) +(http:\S+)$/gm)].map(([, name, url]) => ({ name, url }));
        resolve();
      }
    };
    launcher.stdout!.on("data", collect);
    launcher.stderr!.on("data", collect);
    launcher.once("exit", (code) => reject(new Error(`pnpm start exited (${code}) before it was ready:\n${output}`)));
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "csg-gateway-process-"));
  copySeededData(dataDir);
  // Ports x020 to x039 of the drawn slot: apart from the test systems', new-partnership's and the documentation's.
  await onFreePorts(startOnPorts, 20);
}, 180_000);

afterAll(() => {
  if (launcher?.exitCode === null) launcher.kill("SIGKILL");
  for (const pid of processesOfThisSystem()) process.kill(pid, "SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the gateway killed with SIGKILL", () => {
  it("leaves every subgraph serving; the launcher starts it again and /health shows its restart", async () => {
    expect(subgraphs.map((s) => s.name)).toEqual(["county", "national", ...partnerships.map((p) => p.code)]);
    const before = await post(
      `${base}/graphql`,
      `{ partnerships { code priorities { title } } county { agreement { priorities { id } } } nationalFinancialYears { financialYear } }`,
    );
    expect(before.errors).toBeUndefined();
    const subgraphPids = childrenOf(launcher.pid!)
      .filter((c) => !c.command.includes("gateway.mjs"))
      .map((c) => c.pid);
    expect(subgraphPids).toHaveLength(subgraphs.length);
    const killed = gatewayPid()!;
    process.kill(killed, "SIGKILL");

    // Each subgraph answers on its own what it answered through the gateway.
    const url = (name: string) => subgraphs.find((s) => s.name === name)!.url;
    const county = await post(url("county"), `{ county { agreement { priorities { id } } } }`);
    expect(county.data.county.agreement.priorities).toEqual(before.data.county.agreement.priorities);
    expect(county.data.county.agreement.priorities.map((p: { id: string }) => p.id)).toEqual([
      "protect-vulnerable",
      "reduce-crime",
      "reduce-asb",
      "substance-misuse",
      "young-people-online",
      "domestic-abuse",
      "hate-incidents",
    ]);
    const national = await post(url("national"), `{ nationalFinancialYears { financialYear } }`);
    expect(national.data.nationalFinancialYears).toEqual(before.data.nationalFinancialYears);
    for (const p of partnerships) {
      const own = await post(
        url(p.code),
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${p.entityTypeName} { code priorities { title } } } }`,
        {
          r: [{ __typename: p.entityTypeName, code: p.code }],
        },
      );
      expect(own.data._entities).toEqual([before.data.partnerships.find((b: { code: string }) => b.code === p.code)]);
    }

    let health: any;
    for (let i = 0; i < 150; i++) {
      health = await fetch(`${base}/health`).then(
        (r) => r.json(),
        () => undefined,
      );
      if (health?.gateway.process?.restarts === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health).toMatchObject({
      status: "ok",
      gateway: {
        status: "up",
        process: { state: "running", restarts: 1, lastExit: { code: null, signal: "SIGKILL" } },
      },
    });
    for (const s of health.subgraphs)
      expect([s.name, s.status, s.process]).toEqual([s.name, "up", { state: "running", restarts: 0 }]);
    expect(output).toContain(
      "[launcher] The gateway (gateway) exited (signal SIGKILL); starting it again in 1 s (restart 1).",
    );
    // A new gateway process; not one subgraph was started again.
    expect(gatewayPid()).not.toBe(killed);
    expect(
      childrenOf(launcher.pid!)
        .filter((c) => !c.command.includes("gateway.mjs"))
        .map((c) => c.pid),
    ).toEqual(subgraphPids);
    const after = await post(
      `${base}/graphql`,
      `{ partnerships { code priorities { title } } county { agreement { priorities { id } } } nationalFinancialYears { financialYear } }`,
    );
    expect(after).toEqual(before);
  });
});

describe("SIGTERM to the launcher while a request hangs in the gateway and a subgraph is starting again", () => {
  it(`stops every process and frees every port within ${STOP_BOUND_MS / 1000} s`, async () => {
    const ports = [new URL(base).port, ...subgraphs.map((s) => new URL(s.url).port)].map(Number);
    expect(await Promise.all(ports.map(portTaken))).toEqual(ports.map(() => true));
    const pids = [launcher.pid!, ...childrenOf(launcher.pid!).map((c) => c.pid)];
    expect(processesOfThisSystem().sort()).toEqual([...pids].sort());
    // A gateway that cannot act on a signal: stopped (as one whose event loop is blocked), with a request in it.
    process.kill(gatewayPid()!, "SIGSTOP");
    const hanging = fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ partnerships { code } }` }),
    }).then(
      () => "answered",
      () => "failed",
    );
    // Melton dies; the launcher starts it again after 1 s; the new process is stopped before it
    // answers (as one slow to start): the launcher is still waiting for it when told to stop.
    const meltonOf = () => childrenOf(launcher.pid!).find((c) => c.command.includes("--partnership melton"))?.pid;
    const melton = meltonOf()!;
    process.kill(melton, "SIGKILL");
    let restarted: number | undefined;
    for (
      const deadline = Date.now() + 15_000;
      !restarted && Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 10))
    ) {
      const pid = meltonOf();
      if (pid && pid !== melton) restarted = pid;
    }
    process.kill(restarted!, "SIGSTOP");
    expect(output).not.toContain("Melton Community Safety Partnership (melton) is running again");

    const exited = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
    const started = Date.now();
    launcher.kill("SIGTERM");
    const code = await exited;
    const ms = Date.now() - started;
    // The launcher exits once every process has gone: none is left to stop itself later.
    const left = processesOfThisSystem();
    const taken = await Promise.all(ports.map(portTaken));
    expect(code).toBe(0);
    expect(output).toContain("Stopped.");
    expect(left).toEqual([]);
    expect(taken).toEqual(ports.map(() => false));
    expect(ms).toBeLessThan(STOP_BOUND_MS);
    // The hung request ends with its gateway (its connection closed), never answered.
    expect(await hanging).toBe("failed");
  });
});

describe("SIGTERM to the launcher while the system is starting", () => {
  it("stops every process started so far before the launcher exits", async () => {
    const folder = mkdtempSync(join(tmpdir(), "csg-gateway-process-start-"));
    copySeededData(folder);
    // Ports x020 to x039 of another slot than the system above (ports only matter once listening).
    const starting = spawnLauncher(10_000 + Math.floor(Math.random() * 180) * 100 + 20, folder);
    let text = "";
    starting.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    starting.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => starting.once("exit", (code) => resolve(code)));
    try {
      // The county's process, stopped as soon as it exists: the system cannot get ready.
      let county: number | undefined;
      for (
        const deadline = Date.now() + 30_000;
        !county && Date.now() < deadline;
        await new Promise((resolve) => setTimeout(resolve, 10))
      ) {
        county = childrenOf(starting.pid!).find((c) => c.command.includes("county.mjs"))?.pid;
      }
      process.kill(county!, "SIGSTOP");
      starting.kill("SIGTERM");
      expect(await exited).toBe(1);
      expect(text).toContain("Stopped before every process was ready; every process started has been stopped.");
      expect(text).not.toContain("GraphQL endpoint");
      expect(processesOfThisSystem(folder)).toEqual([]);
    } finally {
      for (const pid of processesOfThisSystem(folder)) process.kill(pid, "SIGKILL");
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
