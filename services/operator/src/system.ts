import { type ChildProcess, spawn } from "node:child_process";
import { PORT_OFFSET, STOP_WITH_PARENT, type SubgraphService, type Topology, topology } from "@csg/service-runtime";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type FreshnessOptions, type GatewayOptions, type LocalDatabase, type RunningGateway, startGateway } from "@csg/gateway";
import { readSupergraph } from "./supergraph/files";
import { SubgraphSupervisor } from "./subgraph-supervisor";


const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const COUNTY_MAIN = "services/county/src/main.ts";
const CSP_MAIN = "services/csp/src/main.ts";
const NATIONAL_MAIN = "services/national/src/main.ts";
const READY_TIMEOUT_MS = 120_000;

/**
 * How a service process runs: from JavaScript bundles (`pnpm start`'s, whose launcher names
 * their folder in CSG_SERVICE_BUNDLES, or the tests'), else its TypeScript under tsx
 * (development).
 */
function serviceCommand([main, ...args]: string[], bundles = process.env.CSG_SERVICE_BUNDLES): string[] {
  if (!bundles) return ["--import", "tsx", main, ...args];
  // A smaller young generation: a subgraph's requests allocate little, and ten processes share the machine.
  const bundle = main === COUNTY_MAIN ? "county.mjs" : main === NATIONAL_MAIN ? "national.mjs" : "csp.mjs";
  return ["--max-semi-space-size=1", join(bundles, bundle), ...args];
}

export interface SystemOptions {
  /** Folder of every service's SQLite file. */
  dataDir: string;
  /** Folder of the services' JavaScript bundles (see bundles/build-bundles.ts); absent: CSG_SERVICE_BUNDLES, else tsx. */
  bundles?: string;
  /** Shifts every port (tests use one so they never meet a running system). */
  portOffset?: number;
  /** Origins whose pages may call the gateway (CORS); none when absent. */
  corsOrigins?: string[];
  /** Where the services' own output goes, line by line; nowhere when absent. */
  log?: (service: string, line: string) => void;
  /** Limits, timeouts and address exposure of the gateway (defaults: the gateway's own). */
  gateway?: Pick<GatewayOptions, "limits" | "timeouts" | "exposeInternalAddresses">;
  /** More environment for the subgraph processes (e.g. CSG_PARTNERSHIP_READ_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Start a dead subgraph again (default true); first back-off in ms (default 1000). */
  restartDeadSubgraphs?: boolean;
  restartDelayMs?: number;
  /** The gateway's response cache and in-flight deduplication (default: on, or as CSG_RESPONSE_CACHE and CSG_DEDUPLICATION say). */
  freshness?: FreshnessOptions;
}

export interface RunningService {
  service: SubgraphService;
  process: ChildProcess;
  /** True once stop() was called: its exit is expected, not a death to restart. */
  stopping: boolean;
  stop(): Promise<void>;
}

export interface RunningSystem {
  topology: Topology;
  gateway: RunningGateway;
  services: Map<string, RunningService>;
  /** Starts a stopped subgraph again, on the same port and database. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

async function waitUntilAnswering(service: SubgraphService, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service.label} (${service.name}) exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(service.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.label} (${service.name}) was not ready at ${service.url} within ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * The database file of every subgraph this launcher runs and the gateway reaches on this
 * machine (not one whose address CSG_SUBGRAPH_URL_<NAME> moved elsewhere: its file here
 * would not be the one that changes).
 */
export function localDatabases(layout: Topology, dataDir: string, running?: (name: string) => boolean): Map<string, LocalDatabase> {
  const here = layout.all.filter((s) => s.url === `http://localhost:${s.port}/graphql`);
  return new Map(
    here.map((s) => [s.name, { file: join(dataDir, `${s.partnership ?? s.name}.db`), running: running && (() => running(s.name)) }]),
  );
}

/** Starts one subgraph as its own process (its own HTTP service and database) and waits until it answers. */
export async function startService(service: SubgraphService, options: SystemOptions): Promise<RunningService> {
  const args = service.partnership
    ? [CSP_MAIN, "--partnership", service.partnership, "--port", String(service.port), "--data-dir", options.dataDir]
    : [service.name === "national" ? NATIONAL_MAIN : COUNTY_MAIN, "--port", String(service.port), "--data-dir", options.dataDir];
  const child = spawn(process.execPath, serviceCommand(args, options.bundles), {
    cwd: repositoryRoot,
    // stdin stays open as a lifeline: the service stops when this process goes.
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...options.env, NODE_NO_WARNINGS: "1", [STOP_WITH_PARENT]: "1", [PORT_OFFSET]: String(options.portOffset ?? 0) },
  });
  // A pipe to a process that died fails with EPIPE: an error of that pipe, not of the launcher.
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.on("error", () => {});
  child.on("error", (error) => options.log?.(service.name, `process error: ${error.message}`));
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
      output.push(line);
      options.log?.(service.name, line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitUntilAnswering(service, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output.slice(-20).join("\n")}`);
  }
  const running: RunningService = {
    service,
    process: child,
    stopping: false,
    async stop() {
      running.stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  return running;
}

/** Starts the county subgraph, every partnership's subgraph and the gateway; stops them all together. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const layout = topology(options.portOffset ?? 0);
  const services = new Map<string, RunningService>();
  const stopServices = () => Promise.all([...services.values()].map((s) => s.stop()));
  try {
    const started = await Promise.all(layout.all.map((service) => startService(service, options)));
    for (const s of started) services.set(s.service.name, s);
    const supervisor = new SubgraphSupervisor(services, {
      log: (line) => options.log?.("launcher", line),
      start: (service) => startService(service, options),
      firstDelayMs: options.restartDelayMs,
    });
    if (options.restartDeadSubgraphs ?? true) for (const s of started) supervisor.watch(s);
    const gateway = await startGateway({
      ...options.gateway,
      port: layout.gatewayPort,
      supergraphSdl: readSupergraph(),
      subgraphs: layout.all,
      corsOrigins: options.corsOrigins,
      supervision: supervisor.processOf,
      freshness: options.freshness,
      localDatabases: localDatabases(layout, options.dataDir, (name) => {
        const child = services.get(name)?.process;
        return !!child && child.exitCode === null && child.signalCode === null;
      }),
    });
    return {
      topology: layout,
      gateway,
      services,
      async restart(name) {
        const running = services.get(name);
        if (!running) throw new Error(`No subgraph named ${name}`);
        await running.stop();
        const restarted = await startService(running.service, options);
        services.set(name, restarted);
        if (options.restartDeadSubgraphs ?? true) supervisor.watch(restarted);
      },
      async stop() {
        supervisor.stop();
        await gateway.stop();
        await stopServices();
      },
    };
  } catch (error) {
    await stopServices();
    throw error;
  }
}
