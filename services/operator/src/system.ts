import { type ChildProcess, spawn } from "node:child_process";
import {
  GATEWAY_PROCESS,
  PORT_OFFSET,
  STOP_WITH_PARENT,
  type SubgraphKind,
  type SubgraphService,
  type Topology,
  topology,
} from "@csg/service-runtime";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GatewayProcessOptions, gatewayEnvironment } from "@csg/gateway/process-environment";
import { supergraphFile } from "./supergraph/files";
import { ProcessSupervisor } from "./process-supervisor";
import { gatewayMessenger } from "./supervision-channel";

const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const READY_TIMEOUT_MS = 120_000;
/** How long a process has to stop after SIGTERM before it is killed (a blocked one cannot stop itself). */
export const STOP_GRACE_MS = 5000;

/**
 * Each kind of process: its TypeScript entry point, its bundle (see bundles/build-bundles.ts)
 * and the bounds of its V8 heap when it runs from the bundle. Without bounds V8 lets garbage
 * pile up to several times what is live (the gateway held 290 MB of old space for about 95 MB
 * live after unique load), so the machine's memory was V8's choice, not ours.
 * - A subgraph alone: a young generation of 1 MB semi-spaces; its requests allocate little.
 * - Every subgraph in one process: about 40 MB live; 2 MB semi-spaces (16 by default) kept it
 *   at 71 MiB PSS after load, where it held 110-120.
 * - The gateway: old space bounded at 256 MB, over twice what is live with its caches full
 *   (their answers' bytes are outside the heap); it held 230-245 MiB PSS after load against
 *   410-420 unbounded. Its young generation stays V8's: it allocates most, per request. And no
 *   allocation-site pretenuring: V8 took the short-lived objects of an answer from the cache
 *   (a request's state while it waited for the revisions) for long-lived ones and made them in old space, so a cached
 *   answer cost scavenges of 5 ms (a bare server's: 0.7) and a mark-compact every 300 ms;
 *   without it, 1 ms and none, and 17% more cached answers a second.
 */
export const PROGRAMS = {
  county: { main: "services/county/src/main.ts", bundle: "county.mjs", heap: ["--max-semi-space-size=1"] },
  csp: { main: "services/csp/src/main.ts", bundle: "csp.mjs", heap: ["--max-semi-space-size=1"] },
  national: { main: "services/national/src/main.ts", bundle: "national.mjs", heap: ["--max-semi-space-size=1"] },
  gateway: {
    main: "gateway/src/main.ts",
    bundle: "gateway.mjs",
    heap: ["--max-old-space-size=256", "--no-allocation-site-pretenuring"],
  },
  /** Every subgraph in one process (`--hosting shared`, the default). */
  subgraphs: {
    main: "services/operator/src/hosting/host-main.ts",
    bundle: "subgraphs.mjs",
    heap: ["--max-old-space-size=128", "--max-semi-space-size=2"],
  },
} as const;

export type Program = keyof typeof PROGRAMS;

/** The program that serves a subgraph of each kind in a process of its own. */
const PROGRAM_OF_KIND: Record<SubgraphKind, Program> = { county: "county", national: "national", partnership: "csp" };

/** The program that serves a subgraph on its own, or the gateway's. */
export function programOf(service: SubgraphService | typeof GATEWAY_PROCESS): Program {
  return service === GATEWAY_PROCESS ? "gateway" : PROGRAM_OF_KIND[service.kind];
}

/** The module a process runs: its bundle (under `bundles`), else its TypeScript source (under tsx). */
export function programModule(program: Program, bundles = process.env.CSG_SERVICE_BUNDLES): string {
  return bundles ? join(bundles, PROGRAMS[program].bundle) : join(repositoryRoot, PROGRAMS[program].main);
}

/**
 * The arguments of a subgraph's program: the same for `pnpm start`'s processes and for
 * `pnpm serve` (which adds the address of --listen).
 */
export function subgraphArguments(
  service: Pick<SubgraphService, "partnership">,
  dataDir: string,
  port?: number,
): string[] {
  return [
    ...(service.partnership ? ["--partnership", service.partnership] : []),
    ...(port === undefined ? [] : ["--port", String(port)]),
    "--data-dir",
    dataDir,
  ];
}

/**
 * How a process runs: from JavaScript bundles (`pnpm start`'s, whose launcher names their
 * folder in CSG_SERVICE_BUNDLES, or the tests'), else its TypeScript under tsx (development).
 */
function programCommand(
  program: keyof typeof PROGRAMS,
  args: string[],
  bundles = process.env.CSG_SERVICE_BUNDLES,
): string[] {
  if (!bundles) return ["--import", "tsx", PROGRAMS[program].main, ...args];
  return [...PROGRAMS[program].heap, programModule(program, bundles), ...args];
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
  /**
   * Where the processes' own output goes, line by line; nowhere when absent. When given, the
   * gateway's standard output (its JSON request log, one line a request) is the launcher's
   * own instead, as it is: not relayed line by line through the launcher.
   */
  log?: (service: string, line: string) => void;
  /** Limits, timeouts and address exposure of the gateway (defaults: the gateway's own), given to its process as environment. */
  gateway?: Pick<GatewayProcessOptions, "limits" | "timeouts" | "exposeInternalAddresses">;
  /** More environment for every process (e.g. CSG_PARTNERSHIP_READ_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Start a process that died again, the gateway's too (default true); first back-off in ms (default 1000). */
  restartDeadSubgraphs?: boolean;
  restartDelayMs?: number;
  /** The gateway's response cache and in-flight deduplication (default: on, or as CSG_RESPONSE_CACHE and CSG_DEDUPLICATION say). */
  freshness?: GatewayProcessOptions["freshness"];
  /** Aborted while the system starts (a signal to the launcher): what started is stopped, and startSystem fails. */
  signal?: AbortSignal;
  /** Where the subgraphs run (default DEFAULT_HOSTING). */
  hosting?: Hosting;
}

/**
 * Where the subgraphs run. "shared": every subgraph in one process (hosting/host-main.ts),
 * the gateway in its own: one Node heap and one copy of the packages for eleven services,
 * but a subgraph that brings its process down takes the others with it until the restart,
 * and the subgraphs share one core. "separate": each subgraph a process of its own, for a
 * machine with memory to spare.
 */
export type Hosting = "separate" | "shared";
export const HOSTINGS: readonly Hosting[] = ["separate", "shared"];

/**
 * Shared: on one machine the subgraphs share its memory and cores anyway, and eleven Node
 * processes cost three times the memory of one (1,166 against about 350 MiB PSS after load).
 * A district that wants its subgraph apart runs it on a host of its own (`pnpm serve`).
 */
export const DEFAULT_HOSTING: Hosting = "shared";

/** The name of the one process that hosts every subgraph under `hosting: "shared"`. */
export const SHARED_HOST_PROCESS = "subgraphs";

/** One process of the system: a subgraph's service or the gateway. */
export interface RunningService {
  /** The subgraph's name, or "gateway". */
  name: string;
  label: string;
  /** The subgraph it serves; absent for the gateway and the shared host. */
  service?: SubgraphService;
  /** The subgraphs a shared host serves (their names): its state is theirs in the gateway's /health. */
  hosts?: string[];
  process: ChildProcess;
  /** True once stop() was called: its exit is expected, not a death to restart. */
  stopping: boolean;
  /** SIGTERM, then SIGKILL after STOP_GRACE_MS. */
  stop(): Promise<void>;
  /** Starts the same program again, on the same port and database. */
  startAgain(): Promise<RunningService>;
}

export interface RunningSystem {
  topology: Topology;
  /** The gateway's addresses, and its process as it is now (the launcher restarts it when it dies). */
  gateway: { url: string; healthUrl: string; readonly process: ChildProcess };
  /** Every process by name: each subgraph's (or the shared host's, "subgraphs") and the gateway's ("gateway"). */
  services: Map<string, RunningService>;
  /** Starts a stopped process again, on the same port and database: a subgraph's name restarts the process hosting it. */
  restart(name: string): Promise<void>;
  /** Stops every process (killing any still there after STOP_GRACE_MS); resolves when all have gone. */
  stop(): Promise<void>;
}

/**
 * Waits until the process answers at its address and, where its output is read here, has said
 * it is listening ("... ready at ..."): another system's process on the same port would answer
 * too, before this one has failed to listen there (EADDRINUSE, which draws other ports).
 */
async function waitUntilAnswering(
  label: string,
  url: string,
  child: ChildProcess,
  announced: () => boolean,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${label} exited (${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`}) before it was ready`,
      );
    }
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      if (response.ok && announced()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${label} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

interface ProcessSpec {
  name: string;
  label: string;
  service?: SubgraphService;
  hosts?: string[];
  program: keyof typeof PROGRAMS;
  args: string[];
  /** Where it answers `{ __typename }` once ready (every one of them, for a shared host). */
  urls: string[];
  env?: Record<string, string>;
  /** An IPC channel (the gateway's, for the launcher's record of the processes). */
  ipc?: boolean;
  /** Its standard output straight to the launcher's when output is logged at all (the gateway's request log). */
  ownStdout?: boolean;
  /** Called once stop() was called, before the process is signalled. */
  beforeStop?: () => Promise<void>;
  /** The system's processes started but not answering yet (a stop must end these too). */
  starting?: Set<ChildProcess>;
}

/** What a system gives each process it starts. */
type SystemHooks = Pick<ProcessSpec, "beforeStop" | "starting">;

/** Starts one process of the system and waits until it answers. */
async function startProcess(spec: ProcessSpec, options: SystemOptions): Promise<RunningService> {
  const child = spawn(process.execPath, programCommand(spec.program, spec.args, options.bundles), {
    cwd: repositoryRoot,
    // stdin stays open as a lifeline: the process stops when the launcher goes.
    stdio: ["pipe", spec.ownStdout && options.log ? "inherit" : "pipe", "pipe", ...(spec.ipc ? ["ipc" as const] : [])],
    env: {
      ...process.env,
      ...options.env,
      ...spec.env,
      NODE_NO_WARNINGS: "1",
      [STOP_WITH_PARENT]: "1",
      [PORT_OFFSET]: String(options.portOffset ?? 0),
    },
  });
  // A pipe to a process that died fails with EPIPE: an error of that pipe, not of the launcher.
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.on("error", () => {});
  child.on("error", (error) => options.log?.(spec.name, `process error: ${error.message}`));
  const output: string[] = [];
  // Its standard output inherited: its "ready at" line is not seen here (pnpm start's gateway).
  let announced = !child.stdout;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
      if (line.includes(" ready at ")) announced = true;
      output.push(line);
      // Only the last lines are kept, for the error of a process that did not start.
      if (output.length > 40) output.shift();
      options.log?.(spec.name, line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  spec.starting?.add(child);
  try {
    for (const url of spec.urls) await waitUntilAnswering(`${spec.label} (${spec.name})`, url, child, () => announced);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output.slice(-20).join("\n")}`);
  } finally {
    spec.starting?.delete(child);
  }
  const running: RunningService = {
    name: spec.name,
    label: spec.label,
    service: spec.service,
    hosts: spec.hosts,
    process: child,
    stopping: false,
    async stop() {
      running.stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      await spec.beforeStop?.();
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
    startAgain: () => startProcess(spec, options),
  };
  return running;
}

/** Starts one subgraph as its own process (its own HTTP service and database) and waits until it answers. */
export function startService(
  service: SubgraphService,
  options: SystemOptions,
  hooks: SystemHooks = {},
): Promise<RunningService> {
  const program = programOf(service);
  const args = subgraphArguments(service, options.dataDir, service.port);
  return startProcess(
    { name: service.name, label: service.label, service, program, args, urls: [service.url], ...hooks },
    options,
  );
}

/** Starts every subgraph of `layout` in one process (`hosting: "shared"`) and waits until each answers. */
function startSharedHost(layout: Topology, options: SystemOptions, hooks: SystemHooks): Promise<RunningService> {
  return startProcess(
    {
      name: SHARED_HOST_PROCESS,
      label: "Every subgraph",
      hosts: layout.all.map((s) => s.name),
      program: "subgraphs",
      args: ["--port-offset", String(options.portOffset ?? 0), "--data-dir", options.dataDir],
      urls: layout.all.map((s) => s.url),
      ...hooks,
    },
    options,
  );
}

/**
 * Starts the gateway as its own process over the subgraphs of `layout`: it reads their
 * revisions from their files in the data folder (read-only), and takes the launcher's record
 * of every process over its IPC channel.
 */
function startGatewayProcess(layout: Topology, options: SystemOptions, hooks: SystemHooks): Promise<RunningService> {
  const args = ["--port", String(layout.gatewayPort), "--data-dir", options.dataDir, "--supergraph", supergraphFile];
  const env = gatewayEnvironment({
    ...options.gateway,
    freshness: options.freshness,
    corsOrigins: options.corsOrigins,
  });
  const url = `http://localhost:${layout.gatewayPort}/graphql`;
  return startProcess(
    {
      name: GATEWAY_PROCESS,
      label: "The gateway",
      program: "gateway",
      args,
      urls: [url],
      env,
      ipc: true,
      ownStdout: true,
      ...hooks,
    },
    options,
  );
}

/**
 * Starts the county subgraph, the national one and every partnership's (each a process of its
 * own, or all in one under `hosting: "shared"`), then the gateway in its own, supervised
 * alike; stops them all together.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const layout = topology(options.portOffset ?? 0);
  const services = new Map<string, RunningService>();
  const starting = new Set<ChildProcess>();
  // Those still starting (a restart due, or the system's own start) are killed: they serve nothing yet.
  const stopAll = () =>
    Promise.all([
      ...[...services.values()].map((s) => s.stop()),
      ...[...starting].map((child) => {
        const exited = new Promise((resolve) =>
          child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve),
        );
        child.kill("SIGKILL");
        return exited;
      }),
    ]);
  const supervisor = new ProcessSupervisor(services, {
    log: (line) => options.log?.("launcher", line),
    changed: () => void tellGateway(),
    restart: options.restartDeadSubgraphs ?? true,
    firstDelayMs: options.restartDelayMs,
  });
  const tellGateway = gatewayMessenger(
    () => services.get(GATEWAY_PROCESS),
    () => supervisor.record(),
  );
  let stoppingAll = false;
  // A subgraph stopped on purpose is marked so before it goes: the gateway then never reads its file as unchanged.
  const beforeStop = (name: string) => async () => {
    if (stoppingAll) return;
    supervisor.stopping(name);
    await tellGateway();
  };
  const abandon = () => {
    stoppingAll = true;
    void stopAll();
  };
  options.signal?.addEventListener("abort", abandon, { once: true });
  try {
    options.signal?.throwIfAborted();
    if ((options.hosting ?? DEFAULT_HOSTING) === "shared") {
      const host = await startSharedHost(layout, options, { beforeStop: beforeStop(SHARED_HOST_PROCESS), starting });
      services.set(host.name, host);
    } else {
      await Promise.all(
        layout.all.map((service) =>
          startService(service, options, { beforeStop: beforeStop(service.name), starting }).then(
            (s) => void services.set(s.name, s),
          ),
        ),
      );
    }
    // Once every subgraph answers (their files exist by then).
    options.signal?.throwIfAborted();
    const gateway = await startGatewayProcess(layout, options, { starting });
    services.set(gateway.name, gateway);
    options.signal?.throwIfAborted();
    options.signal?.removeEventListener("abort", abandon);
    for (const s of services.values()) supervisor.watch(s);
    return {
      topology: layout,
      gateway: {
        url: `http://localhost:${layout.gatewayPort}/graphql`,
        healthUrl: `http://localhost:${layout.gatewayPort}/health`,
        get process() {
          return services.get(GATEWAY_PROCESS)!.process;
        },
      },
      services,
      async restart(name) {
        const running = services.get(name) ?? [...services.values()].find((s) => s.hosts?.includes(name));
        if (!running) throw new Error(`No process named ${name}`);
        await running.stop();
        const restarted = await running.startAgain();
        services.set(running.name, restarted);
        supervisor.watch(restarted);
      },
      async stop() {
        stoppingAll = true;
        supervisor.stop();
        await stopAll();
      },
    };
  } catch (error) {
    stoppingAll = true;
    supervisor.stop();
    await stopAll();
    throw options.signal?.aborted
      ? new Error("Stopped before every process was ready; every process started has been stopped.")
      : error;
  }
}
