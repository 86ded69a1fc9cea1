/**
 * `pnpm bench:gateway`: our gateway (as `pnpm start` runs it: response cache and in-flight
 * deduplication on) against Hive Gateway with Hive Router's Rust query planner at its best
 * for each kind of traffic, and against a bare-server floor, over the same running subgraphs,
 * on the dashboards' operations:
 * - repeated requests (the same body every time): Hive with its response cache on (per
 *   caller, as ours), and a bare node:http server answering with the same prebuilt bytes;
 * - unique requests (a variable no operation reads, different in every request: no response
 *   cache can help, every plan cache does): Hive with its response cache off and
 *   NODE_ENV=production.
 * Each measurement is run in turn, A B C A B C ..., so a change in the machine's load falls
 * on all alike. Prints requests/s, p50 and p99 (medians of the rounds), the ratios, latency
 * at one client, the machine's load average before and after, and every process's memory:
 * the system as `pnpm start` runs it (bundles) and, for comparison, under tsx.
 *
 * BENCH_SECONDS (per measurement, default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
 * (default 8), BENCH_PORT_OFFSET (default 200), BENCH_TSX_BASELINE=off to skip the tsx system,
 * BENCH_REVISIONS_OVER_HTTP=on to add our gateway reading revisions over HTTP (repeated),
 * BENCH_NODE_ENV=on to add our gateway run with NODE_ENV=production (unique), BENCH_HOSTING=separate
 * to run each subgraph in a process of its own (`pnpm start --hosting separate`; default: pnpm start's).
 */
import autocannon from "autocannon";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundles, bundleFolder, DEFAULT_HOSTING, type Hosting } from "@csg/operator";
import { type ProcessMemory, processTreeMemory } from "./process-memory";
import { BENCH_QUERIES, type BenchQuery } from "./queries";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? 200);
const GATEWAY_PORT = 4000 + OFFSET;
const HOSTING = (process.env.BENCH_HOSTING as Hosting | undefined) ?? DEFAULT_HOSTING;

interface Started {
  child: ChildProcess;
  /** Its output so far (shown when something fails). */
  output: string[];
  stop(): Promise<void>;
}

/** Starts a process and waits for a line of its output that says it is ready. */
function startProcess(label: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot,
    env: { ...process.env, CSG_LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label} not ready in 300 s:\n${output.slice(-20).join("\n")}`)),
      300_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString("utf8").split("\n"));
      if (ready.test(chunk.toString("utf8"))) {
        clearTimeout(timer);
        resolve({ child, output, stop });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${label} exited (${code}):\n${output.slice(-20).join("\n")}`)));
  });
}

const totals = (memory: ProcessMemory[]) => ({
  pss: memory.reduce((sum, m) => sum + m.pssMiB, 0),
  rss: memory.reduce((sum, m) => sum + m.rssMiB, 0),
});

async function post(url: string, q: BenchQuery): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: q.query, variables: q.variables }),
  });
  return response.text();
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

let requestNumber = 0;

/** Unique: each request's body gets a variable of its own (autocannon's idReplacement sends no POST body). */
async function load(url: string, q: BenchQuery, connections: number, seconds: number, unique = false): Promise<Run> {
  const result = await autocannon({
    url,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: q.query, variables: q.variables }),
    ...(unique
      ? {
          requests: [
            {
              setupRequest: (request: object) => ({
                ...request,
                body: JSON.stringify({ query: q.query, variables: { ...q.variables, benchRequest: ++requestNumber } }),
              }),
            },
          ],
        }
      : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value: number, digits = 1) => value.toFixed(digits);

const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

interface Target {
  name: string;
  url: (i: number) => string;
}

/** Runs every target on every operation, alternating; prints and returns the table's lines. */
async function compare(kind: string, targets: Target[], unique: boolean, against: number[]): Promise<string[]> {
  const table = [
    `${kind}, load average ${load1()} at the start:`,
    `| operation | gateway | req/s | p50 ms | p99 ms | ${against.map((a) => `req/s vs ${targets[a].name}`).join(" | ")} | 1 client req/s | ${against.map((a) => `1 client vs ${targets[a].name}`).join(" | ")} |`,
    `| --- | --- | ---: | ---: | ---: | ${against.map(() => "---: | ").join("")}---: | ${against.map(() => "---:").join(" | ")} |`,
  ];
  console.log(table.join("\n"));
  for (const [qi, q] of BENCH_QUERIES.entries()) {
    const runs = targets.map(() => [] as Run[]);
    const single = targets.map(() => [] as Run[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, t] of targets.entries()) runs[i].push(await load(t.url(qi), q, CONNECTIONS, SECONDS, unique));
      for (const [i, t] of targets.entries())
        single[i].push(await load(t.url(qi), q, 1, Math.max(2, SECONDS / 2), unique));
    }
    const rps = runs.map((r) => median(r.map((x) => x.rps)));
    const oneRps = single.map((r) => median(r.map((x) => x.rps)));
    for (const [i, t] of targets.entries()) {
      const failed = runs[i].reduce((n, r) => n + r.failed, 0) + single[i].reduce((n, r) => n + r.failed, 0);
      const cells = [
        q.name,
        `${t.name}${failed ? ` (${failed} failed)` : ""}`,
        fixed(rps[i]),
        fixed(median(runs[i].map((r) => r.p50))),
        fixed(median(runs[i].map((r) => r.p99))),
        ...against.map((a) => `${fixed(rps[i] / rps[a], 2)}x`),
        fixed(oneRps[i]),
        ...against.map((a) => `${fixed(oneRps[i] / oneRps[a], 2)}x`),
      ];
      const line = `| ${cells.join(" | ")} |`;
      table.push(line);
      console.log(line);
    }
  }
  table.push(`(load average ${load1()} at the end)`);
  console.log(table[table.length - 1]);
  return table;
}

async function main() {
  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${load1()}`,
  );
  console.log(
    `Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per measurement, ${ROUNDS} rounds alternating; one client: 1 connection; subgraphs hosted ${HOSTING === "shared" ? "in one process" : "each in its own process"}.\n`,
  );
  await buildBundles();
  const dataDir = mkdtempSync(join(tmpdir(), "csg-bench-"));
  const started: Started[] = [];
  try {
    const system = await startProcess(
      "pnpm start (bundles)",
      [join(bundleFolder, "start.mjs"), "--port-offset", String(OFFSET), "--data-dir", dataDir, "--hosting", HOSTING],
      /Press Ctrl-C/,
    );
    started.push(system);
    const hive = (port: number, cache: "on" | "off") =>
      startProcess(
        `Hive Gateway, cache ${cache}`,
        [
          "--import",
          "tsx",
          "test/bench/hive-server.ts",
          "--port",
          String(port),
          "--port-offset",
          String(OFFSET),
          "--response-cache",
          cache,
        ],
        /ready/,
        { NODE_ENV: "production" },
      );
    const hiveCached = await hive(GATEWAY_PORT + 92, "on");
    started.push(hiveCached);
    const hiveUncached = await hive(GATEWAY_PORT + 95, "off");
    started.push(hiveUncached);
    const overHttp = process.env.BENCH_REVISIONS_OVER_HTTP === "on";
    // The issue 19 question: what reading the revisions over HTTP instead of from the files costs.
    if (overHttp)
      started.push(
        await startProcess(
          "our gateway, revisions over HTTP",
          [join(bundleFolder, "gateway.mjs"), "--port", String(GATEWAY_PORT + 93), "--port-offset", String(OFFSET)],
          /Gateway ready/,
        ),
      );
    const productionMode = process.env.BENCH_NODE_ENV === "on";
    if (productionMode) {
      const args = [
        join(bundleFolder, "gateway.mjs"),
        "--port",
        String(GATEWAY_PORT + 96),
        "--port-offset",
        String(OFFSET),
        "--data-dir",
        dataDir,
      ];
      started.push(
        await startProcess("our gateway, NODE_ENV=production", args, /Gateway ready/, { NODE_ENV: "production" }),
      );
    }
    // Ours without kept subgraph answers: every fetch of a unique request sent, as Hive sends it.
    started.push(
      await startProcess(
        "our gateway, every subgraph fetch sent",
        [
          join(bundleFolder, "gateway.mjs"),
          "--port",
          String(GATEWAY_PORT + 97),
          "--port-offset",
          String(OFFSET),
          "--data-dir",
          dataDir,
        ],
        /Gateway ready/,
        { CSG_SUBGRAPH_ANSWERS: "off" },
      ),
    );
    const ours: Target = { name: "ours", url: () => `http://localhost:${GATEWAY_PORT}/graphql` };
    const oursEveryFetch: Target = {
      name: "ours, every fetch sent",
      url: () => `http://localhost:${GATEWAY_PORT + 97}/graphql`,
    };
    const hiveBestRepeated: Target = {
      name: "Hive, cache on",
      url: () => `http://localhost:${GATEWAY_PORT + 92}/graphql`,
    };
    const hiveBestUnique: Target = {
      name: "Hive, cache off",
      url: () => `http://localhost:${GATEWAY_PORT + 95}/graphql`,
    };
    console.log(
      "Options: ours = pnpm start's gateway (response cache + in-flight deduplication + kept subgraph answers, revisions",
    );
    console.log(
      "         from the files); ours, every fetch sent = the same without kept subgraph answers (CSG_SUBGRAPH_ANSWERS=off);",
    );
    console.log(
      "         Hive = @graphql-hive/gateway-runtime + @graphql-hive/router-runtime, NODE_ENV=production, deduplication on,",
    );
    console.log("         Authorization forwarded; cache on = its response cache keyed per Authorization (as ours);");
    console.log("         floor = a bare node:http server answering every POST with the answer's prebuilt bytes;");
    console.log(
      "         no request logged (CSG_LOG_LEVEL=silent; pnpm start's gateway logs a line per request, see OPERATIONS).\n",
    );

    const answers: string[] = [];
    for (const q of BENCH_QUERIES) {
      const checked = [ours, hiveBestRepeated, hiveBestUnique];
      const texts = await Promise.all(checked.map((t) => post(t.url(0), q)));
      for (const [i, answer] of texts.entries()) {
        const missing = q.shows.filter((text) => !answer.includes(text));
        if (answer.includes('"errors"') || missing.length)
          throw new Error(
            `${checked[i].name} answered ${q.name} wrongly (${missing.join(", ")}): ${answer.slice(0, 500)}`,
          );
      }
      const same = JSON.stringify(JSON.parse(texts[0]).data) === JSON.stringify(JSON.parse(texts[2]).data);
      console.log(
        `${q.name}: ${(texts[0].length / 1024).toFixed(1)} KB answer, ours ${same ? "equals" : "DIFFERS FROM"} Hive's`,
      );
      answers.push(texts[0]);
    }
    const answersFile = join(dataDir, "floor-answers.json");
    writeFileSync(answersFile, JSON.stringify(answers));
    const floorServer = await startProcess(
      "floor",
      ["--import", "tsx", "test/bench/floor-server.ts", "--port", String(GATEWAY_PORT + 94), "--answers", answersFile],
      /ready/,
      { NODE_ENV: "production" },
    );
    started.push(floorServer);
    const floor: Target = { name: "floor", url: (i) => `http://localhost:${GATEWAY_PORT + 94}/${i}` };
    const overHttpTarget: Target = {
      name: "ours, revisions over HTTP",
      url: () => `http://localhost:${GATEWAY_PORT + 93}/graphql`,
    };

    const repeated = await compare(
      "Repeated requests (the same body)",
      [ours, hiveBestRepeated, floor, ...(overHttp ? [overHttpTarget] : [])],
      false,
      [1, 2],
    );
    console.log("");
    const oursProduction: Target = {
      name: "ours, NODE_ENV=production",
      url: () => `http://localhost:${GATEWAY_PORT + 96}/graphql`,
    };
    const unique = await compare(
      "Unique requests (a fresh variable in each)",
      [ours, hiveBestUnique, oursEveryFetch, ...(productionMode ? [oursProduction] : [])],
      true,
      [1],
    );
    console.log(`\n${repeated.join("\n")}\n\n${unique.join("\n")}\n`);

    const memory = processTreeMemory(system.child.pid!);
    const total = totals(memory);
    console.log(
      "Memory after the run, the system as `pnpm start` runs it (PSS: shared pages counted once in the total; RSS: counted in every process):",
    );
    console.log("      PSS      RSS");
    for (const m of memory)
      console.log(
        `  ${fixed(m.pssMiB).padStart(7)}  ${fixed(m.rssMiB).padStart(7)} MiB  ${m.command.replace(repositoryRoot, "").slice(0, 100)}`,
      );
    console.log(
      `  ${fixed(total.pss).padStart(7)}  ${fixed(total.rss).padStart(7)} MiB  total, ${memory.length} processes`,
    );
    for (const [label, s] of [
      ["Hive Gateway, cache on", hiveCached],
      ["Hive Gateway, cache off", hiveUncached],
    ] as const) {
      const m = totals(processTreeMemory(s.child.pid!));
      console.log(`  (${label}, its own process: PSS ${fixed(m.pss)} MiB, RSS ${fixed(m.rss)} MiB)`);
    }
    for (const s of started.reverse()) await s.stop();
    started.length = 0;

    if (process.env.BENCH_TSX_BASELINE !== "off") {
      const dev = await startProcess(
        "pnpm start:dev (tsx)",
        ["--import", "tsx", "services/operator/src/start.ts", "--port-offset", String(OFFSET), "--data-dir", dataDir],
        /Press Ctrl-C/,
      );
      started.push(dev);
      for (const q of BENCH_QUERIES) await load(`http://localhost:${GATEWAY_PORT}/graphql`, q, CONNECTIONS, SECONDS);
      const devMemory = processTreeMemory(dev.child.pid!);
      const devTotal = totals(devMemory);
      console.log(
        `\nThe same system under tsx (pnpm start:dev), after ${SECONDS} s of each operation: PSS ${fixed(devTotal.pss)} MiB, RSS ${fixed(devTotal.rss)} MiB in ${devMemory.length} processes`,
      );
      console.log(
        `Bundles / tsx: PSS ${fixed(total.pss / devTotal.pss, 2)}, RSS ${fixed(total.rss / devTotal.rss, 2)}`,
      );
    }
  } catch (error) {
    for (const s of started)
      console.error(
        `--- ${s.child.spawnargs.slice(1, 3).join(" ")}:\n${s.output
          .filter((l) => !l.startsWith('{"level"'))
          .slice(-15)
          .join("\n")}`,
      );
    throw error;
  } finally {
    for (const s of started.reverse()) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
