/**
 * `pnpm bench:tls`: what a TLS hop adds between the gateway and a district's subgraph.
 * Serves Charnwood's subgraph twice on loopback (`pnpm serve`'s program, seeded copies):
 * plain HTTP, and HTTPS with mutual TLS (a throwaway authority made with openssl, EC P-256
 * keys, as OPERATIONS.md makes them). Sends the same entity request the gateway sends for a
 * partnership page to each in turn (each round starting with another way), over kept-alive
 * connections (how the gateway talks to subgraphs) and over a new connection each time (a
 * cold connection: TCP plus, for HTTPS, the handshake). Prints median and 95th percentile per way and the
 * difference; absolute figures depend on the machine's load, the differences less so.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Agent } from "undici";

const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const work = mkdtempSync(join(tmpdir(), "csg-bench-tls-"));
const openssl = (...args: string[]) =>
  execFileSync("openssl", args, { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

function certificates() {
  openssl("req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=bench authority");
  for (const [name, ext] of [
    ["server", "subjectAltName=IP:127.0.0.1"],
    ["client", "extendedKeyUsage=clientAuth"],
  ] as const) {
    openssl("req", ...ec, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    writeFileSync(join(work, `${name}.ext`), `${ext}\n`);
    openssl(
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.crt`,
      "-days",
      "1",
      "-extfile",
      `${name}.ext`,
    );
  }
}

async function serve(port: number, tls: string[]): Promise<ChildProcess> {
  const args = [
    "--import",
    "tsx",
    "services/operator/src/serve.ts",
    "charnwood",
    "--seed",
    "--data-dir",
    join(work, `data-${port}`),
    "--listen",
    `127.0.0.1:${port}`,
    ...tls,
  ];
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("ready at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
  return child;
}

const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CharnwoodCsp { currentPriorities { id title } crimeStatistics { id count period { label } } } } }`;
const body = JSON.stringify({ query, variables: { r: [{ __typename: "CharnwoodCsp", code: "charnwood" }] } });

async function once(url: string, dispatcher: Agent): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    dispatcher,
  } as RequestInit);
  const answer = (await response.json()) as { data?: { _entities: unknown[] }; errors?: unknown };
  if (!answer.data?._entities?.length)
    throw new Error(`no answer from ${url}: ${JSON.stringify(answer.errors ?? answer)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))]!;

certificates();
const plainPort = 47311;
const tlsPort = 47312;
const servers = await Promise.all([
  serve(plainPort, []),
  serve(tlsPort, [
    "--tls-cert",
    join(work, "server.crt"),
    "--tls-key",
    join(work, "server.key"),
    "--client-ca",
    join(work, "ca.crt"),
  ]),
]);
try {
  const tls = {
    ca: readFileSync(join(work, "ca.crt")),
    cert: readFileSync(join(work, "client.crt")),
    key: readFileSync(join(work, "client.key")),
  };
  const ways = {
    "http, kept alive": { url: `http://127.0.0.1:${plainPort}/graphql`, agent: () => keptPlain },
    "https + mTLS, kept alive": { url: `https://127.0.0.1:${tlsPort}/graphql`, agent: () => keptTls },
    "http, new connection": { url: `http://127.0.0.1:${plainPort}/graphql`, agent: () => new Agent({ pipelining: 0 }) },
    "https + mTLS, new connection": {
      url: `https://127.0.0.1:${tlsPort}/graphql`,
      agent: () => new Agent({ pipelining: 0, connect: tls }),
    },
  };
  const keptPlain = new Agent();
  const keptTls = new Agent({ connect: tls });
  const times = new Map<string, number[]>(Object.keys(ways).map((w) => [w, []]));
  // Warm both servers (their first requests compile and cache).
  for (let i = 0; i < 30; i++) for (const way of Object.values(ways)) await once(way.url, way.agent());
  const entries = Object.entries(ways);
  for (let i = 0; i < ROUNDS; i++) {
    // Each round starts with another way: no way always follows the same one.
    for (const [name, way] of [...entries.slice(i % entries.length), ...entries.slice(0, i % entries.length)]) {
      const agent = way.agent();
      times.get(name)!.push(await once(way.url, agent));
      if (agent !== keptPlain && agent !== keptTls) await agent.close();
    }
  }
  console.log(
    `TLS hop: ${ROUNDS} requests each way, in turn; ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(`${"way".padEnd(30)} ${"median ms".padStart(10)} ${"p95 ms".padStart(10)}`);
  for (const [name, values] of times)
    console.log(
      `${name.padEnd(30)} ${percentile(values, 0.5).toFixed(2).padStart(10)} ${percentile(values, 0.95).toFixed(2).padStart(10)}`,
    );
  const median = (name: string) => percentile(times.get(name)!, 0.5);
  console.log(
    `TLS adds ${(median("https + mTLS, kept alive") - median("http, kept alive")).toFixed(2)} ms a request over a kept-alive connection (${(median("https + mTLS, kept alive") / median("http, kept alive")).toFixed(2)}x),`,
  );
  console.log(
    `and ${(median("https + mTLS, new connection") - median("http, new connection")).toFixed(2)} ms on a new connection (the handshake; ${(median("https + mTLS, new connection") / median("http, new connection")).toFixed(2)}x).`,
  );
  await Promise.all([keptPlain.close(), keptTls.close()]);
} finally {
  for (const server of servers) server.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(work, { recursive: true, force: true });
}
