/**
 * The whole system inside the test worker: every subgraph and the gateway served from this
 * process, each over real HTTP on loopback on its own port, on a copy of the seeded data
 * folder. What a file needs that does not kill processes, send signals or run `pnpm start`:
 * a system starts in about a second (no eleven Node processes to boot and compile bundles).
 * Every server keeps its state per instance (the gateway's metrics registry, the county's
 * readers, each database), and options go in as options, never through process.env, so two
 * systems share one worker safely.
 */
import { localDatabases, startGateway } from "@csg/gateway";
import type { GatewayProcessOptions } from "@csg/gateway/process-environment";
import { startSubgraph } from "@csg/operator/subgraph-hosting";
import { supergraphFile } from "@csg/operator/supergraph-files";
import {
  GATEWAY_PROCESS,
  type SubgraphService,
  type SupervisedProcess,
  type Topology,
  topology,
} from "@csg/service-runtime";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copySeededData } from "./seeded-data";
import { type SystemClient, clientOf } from "./system-client";
import { onFreePorts } from "./free-ports";

export interface InProcessOptions {
  /** Limits, timeouts and address exposure of the gateway (defaults: the gateway's own). */
  gateway?: Pick<GatewayProcessOptions, "limits" | "timeouts" | "exposeInternalAddresses">;
  freshness?: GatewayProcessOptions["freshness"];
  corsOrigins?: string[];
  /** How long the county waits for a partnership's subgraph in its analysis (CSG_PARTNERSHIP_READ_TIMEOUT_MS of a process). */
  partnershipReadTimeoutMs?: number;
}

/** One service hosted here: a subgraph's server, or the gateway. */
export interface HostedService {
  name: string;
  /** Closes its HTTP server and database; the port stays its own to start again on. */
  stop(): Promise<void>;
}

/** The in-process counterpart of the launcher's RunningSystem (no processes: no pids, no signals). */
export interface HostedSystem {
  topology: Topology;
  gateway: { url: string; healthUrl: string };
  services: Map<string, HostedService>;
  /** Starts a stopped service again, on the same port and database. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** A system of a test file's own, hosted in the test worker. */
export interface InProcessTestSystem extends SystemClient {
  system: HostedSystem;
  stop(): Promise<void>;
}

async function host(dataDir: string, portOffset: number, options: InProcessOptions): Promise<HostedSystem> {
  const layout = topology(portOffset);
  const services = new Map<string, HostedService>();
  // What /health says of each "process": running while its server listens, stopped once stopped here.
  const record = new Map<string, SupervisedProcess>();
  const begin = async (service: SubgraphService) => {
    const running = await startSubgraph(service, {
      dataDir,
      layout,
      partnershipReadTimeoutMs: options.partnershipReadTimeoutMs,
    });
    record.set(service.name, { state: "running", restarts: record.get(service.name)?.restarts ?? 0 });
    let stopped: Promise<void> | undefined;
    services.set(service.name, {
      name: service.name,
      stop() {
        record.set(service.name, { ...record.get(service.name)!, state: "stopped" });
        stopped ??= running.stop();
        return stopped;
      },
    });
  };
  const stopAll = () => Promise.all([...services.values()].map((s) => s.stop()));
  try {
    await Promise.all(layout.all.map(begin));
    const gateway = await startGateway({
      port: layout.gatewayPort,
      supergraphSdl: readFileSync(supergraphFile, "utf8"),
      subgraphs: layout.all,
      corsOrigins: options.corsOrigins,
      limits: options.gateway?.limits,
      timeouts: options.gateway?.timeouts,
      exposeInternalAddresses: options.gateway?.exposeInternalAddresses ?? false,
      freshness: options.freshness,
      supervision: (name) => record.get(name),
      localDatabases: localDatabases(layout, dataDir, (name) => record.get(name)?.state === "running"),
    });
    record.set(GATEWAY_PROCESS, { state: "running", restarts: 0 });
    let gatewayStopped: Promise<void> | undefined;
    services.set(GATEWAY_PROCESS, { name: GATEWAY_PROCESS, stop: () => (gatewayStopped ??= gateway.stop()) });
    return {
      topology: layout,
      gateway: { url: gateway.url, healthUrl: gateway.healthUrl },
      services,
      async restart(name) {
        const service = layout.all.find((s) => s.name === name);
        if (!service) throw new Error(`No subgraph named ${name} (the gateway restarts only as a process)`);
        await services.get(name)?.stop();
        const restarts = (record.get(name)?.restarts ?? 0) + 1;
        await begin(service);
        record.set(name, { state: "running", restarts });
      },
      stop: async () => {
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Starts the whole system in this process (see above), on a copy of the seeded data folder
 * and ports clear of any other system; the same client as startTestSystem's.
 */
export async function startInProcessSystem(options: InProcessOptions = {}): Promise<InProcessTestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), "csg-test-"));
  copySeededData(dataDir);
  // Shifted by 50 within the slot: never the ports of a multi-process system drawn alike.
  const system = await onFreePorts((portOffset) => host(dataDir, portOffset, options), 50);
  return {
    ...clientOf({
      gatewayUrl: system.gateway.url,
      healthUrl: system.gateway.healthUrl,
      subgraphs: system.topology.all.map(({ name, label, url }) => ({ name, label, url })),
      dataDir,
    }),
    system,
    async stop() {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
