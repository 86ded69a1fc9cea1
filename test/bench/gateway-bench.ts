/**
 * `pnpm bench:gateway`: our gateway (response cache on, and off) against Hive Gateway with
 * Hive Router's Rust query planner (its default options: in-flight deduplication on), over
 * the same running subgraphs, on the dashboards' operations. Each measurement is run in
 * turn, A B C A B C ..., so a change in the machine's load falls on all three alike.
 * Prints requests/s, p50 and p99 (medians of the rounds), the ratios, latency at one client,
 * and every process's memory: the system as `pnpm start` runs it (bundles) and, for
 * comparison, under tsx (`pnpm start:dev`).
 *
 * BENCH_SECONDS (per measurement, default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
 * (default 8), BENCH_PORT_OFFSET (default 200), BENCH_TSX_BASELINE=off to skip the tsx system.
 */
import autocannon from "autocannon";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundles, bundleFolder } from "@csg/operator";
import { type ProcessMemory, processTreeMemory } from "./process-memory";
import { BENCH_QUERIES, type BenchQuery } from "./queries";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? 200);
const GATEWAY_PORT = 4000 + OFFSET;

interface Started {
  child: ChildProcess;
  /** Its output so far (shown when something fails). */
  output: string[];
  stop(): Promise<void>;
}

/** Starts a process and waits for a line of its output that says it is ready. */
function startProcess(label: string, args: string[], ready: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const child = spawn(process.execPath, args, { cwd: repositoryRoot, env: { ...process.env, CSG_LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
    const timer = setTimeout(() => reject(new Error(`${label} not ready in 300 s:\n${output.slice(-20).join("\n")}`)), 300_000);
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

const totals = (memory: ProcessMemory[]) => ({ pss: memory.reduce((sum, m) => sum + m.pssMiB, 0), rss: memory.reduce((sum, m) => sum + m.rssMiB, 0) });

async function post(url: string, q: BenchQuery): Promise<string> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: q.query, variables: q.variables }) });
  return response.text();
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

async function load(url: string, q: BenchQuery, connections: number, seconds: number): Promise<Run> {
  const result = await autocannon({
    url,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: q.query, variables: q.variables }),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main() {
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(`Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per measurement, ${ROUNDS} rounds alternating; one client: 1 connection.\n`);
  await buildBundles();
  const dataDir = mkdtempSync(join(tmpdir(), "csg-bench-"));
  const started: Started[] = [];
  try {
    const system = await startProcess("pnpm start (bundles)", [join(bundleFolder, "start.mjs"), "--port-offset", String(OFFSET), "--data-dir", dataDir], /Press Ctrl-C/);
    started.push(system);
    const uncached = await startProcess("our gateway, cache off", [join(bundleFolder, "gateway.mjs"), "--port", String(GATEWAY_PORT + 91), "--port-offset", String(OFFSET), "--data-dir", dataDir, "--response-cache", "off"], /Gateway ready/);
    started.push(uncached);
    const hive = await startProcess("Hive Gateway", ["--import", "tsx", "test/bench/hive-server.ts", "--port", String(GATEWAY_PORT + 92), "--port-offset", String(OFFSET)], /ready/);
    started.push(hive);
    // The issue 19 question: what reading the revisions over HTTP instead of from the files costs.
    const overHttp = await startProcess("our gateway, revisions over HTTP", [join(bundleFolder, "gateway.mjs"), "--port", String(GATEWAY_PORT + 93), "--port-offset", String(OFFSET)], /Gateway ready/);
    started.push(overHttp);
    const targets = [
      { name: "ours cached", url: `http://localhost:${GATEWAY_PORT}/graphql` },
      { name: "ours uncached", url: `http://localhost:${GATEWAY_PORT + 91}/graphql` },
      { name: "Hive (Rust planner, defaults)", url: `http://localhost:${GATEWAY_PORT + 92}/graphql` },
      { name: "ours cached, revisions over HTTP", url: `http://localhost:${GATEWAY_PORT + 93}/graphql` },
    ];
    console.log("Options: ours cached = response cache + in-flight deduplication (defaults of pnpm start);");
    console.log("         ours uncached = CSG_RESPONSE_CACHE=off, in-flight deduplication on;");
    console.log("         ours cached, revisions over HTTP = as ours cached, without --data-dir: GET /revision of every subgraph, not its file;");
    console.log("         Hive = @graphql-hive/gateway-runtime + @graphql-hive/router-runtime, default options (deduplication on), Authorization forwarded.\n");

    for (const q of BENCH_QUERIES) {
      const answers = await Promise.all(targets.map((t) => post(t.url, q)));
      for (const [i, answer] of answers.entries()) {
        const missing = q.shows.filter((text) => !answer.includes(text));
        if (answer.includes('"errors"') || missing.length) throw new Error(`${targets[i].name} answered ${q.name} wrongly (${missing.join(", ")}): ${answer.slice(0, 500)}`);
      }
      const same = JSON.stringify(JSON.parse(answers[0]).data) === JSON.stringify(JSON.parse(answers[2]).data);
      console.log(`${q.name}: ${(answers[0].length / 1024).toFixed(1)} KB answer, ours ${same ? "equals" : "DIFFERS FROM"} Hive's`);
    }

    const table: string[] = [];
    const header = "| operation | gateway | req/s | p50 ms | p99 ms | req/s vs Hive | 1 client p50 ms | 1 client vs Hive |";
    table.push(header, "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const q of BENCH_QUERIES) {
      const runs = targets.map(() => [] as Run[]);
      const single = targets.map(() => [] as Run[]);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, t] of targets.entries()) runs[i].push(await load(t.url, q, CONNECTIONS, SECONDS));
        for (const [i, t] of targets.entries()) single[i].push(await load(t.url, q, 1, Math.max(2, SECONDS / 2)));
      }
      const hiveRps = median(runs[2].map((r) => r.rps));
      const hiveSingle = median(single[2].map((r) => r.p50));
      for (const [i, t] of targets.entries()) {
        const rps = median(runs[i].map((r) => r.rps));
        const p50 = median(runs[i].map((r) => r.p50));
        const p99 = median(runs[i].map((r) => r.p99));
        const one = median(single[i].map((r) => r.p50));
        const failed = runs[i].reduce((n, r) => n + r.failed, 0) + single[i].reduce((n, r) => n + r.failed, 0);
        const line = `| ${q.name} | ${t.name}${failed ? ` (${failed} failed)` : ""} | ${fixed(rps)} | ${fixed(p50)} | ${fixed(p99)} | ${fixed(rps / hiveRps, 2)}x | ${fixed(one)} | ${fixed(one / hiveSingle, 3)}x |`;
        table.push(line);
        console.log(line);
      }
    }
    console.log(`\n${table.join("\n")}\n`);

    const memory = processTreeMemory(system.child.pid!);
    const total = totals(memory);
    console.log("Memory after the run, the system as `pnpm start` runs it (PSS: shared pages counted once in the total; RSS: counted in every process):");
    console.log("      PSS      RSS");
    for (const m of memory) console.log(`  ${fixed(m.pssMiB).padStart(7)}  ${fixed(m.rssMiB).padStart(7)} MiB  ${m.command.replace(repositoryRoot, "").slice(0, 100)}`);
    console.log(`  ${fixed(total.pss).padStart(7)}  ${fixed(total.rss).padStart(7)} MiB  total, ${memory.length} processes`);
    for (const [label, s] of [["our gateway, cache off", uncached], ["Hive Gateway", hive]] as const) {
      const m = totals(processTreeMemory(s.child.pid!));
      console.log(`  (${label}, its own process: PSS ${fixed(m.pss)} MiB, RSS ${fixed(m.rss)} MiB)`);
    }
    for (const s of started.reverse()) await s.stop();
    started.length = 0;

    if (process.env.BENCH_TSX_BASELINE !== "off") {
      const dev = await startProcess("pnpm start:dev (tsx)", ["--import", "tsx", "services/operator/src/start.ts", "--port-offset", String(OFFSET), "--data-dir", dataDir], /Press Ctrl-C/);
      started.push(dev);
      for (const q of BENCH_QUERIES) await load(`http://localhost:${GATEWAY_PORT}/graphql`, q, CONNECTIONS, SECONDS);
      const devMemory = processTreeMemory(dev.child.pid!);
      const devTotal = totals(devMemory);
      console.log(`\nThe same system under tsx (pnpm start:dev), after ${SECONDS} s of each operation: PSS ${fixed(devTotal.pss)} MiB, RSS ${fixed(devTotal.rss)} MiB in ${devMemory.length} processes`);
      console.log(`Bundles / tsx: PSS ${fixed(total.pss / devTotal.pss, 2)}, RSS ${fixed(total.rss / devTotal.rss, 2)}`);
    }
  } catch (error) {
    for (const s of started) console.error(`--- ${s.child.spawnargs.slice(1, 3).join(" ")}:\n${s.output.filter((l) => !l.startsWith('{"level"')).slice(-15).join("\n")}`);
    throw error;
  } finally {
    for (const s of started.reverse()) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
