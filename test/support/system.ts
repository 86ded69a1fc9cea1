import { type RunningSystem, type SystemOptions, startSystem } from "@csg/operator";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copySeededData } from "./seeded-data";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** Where a running system answers: enough to read from it, whoever started it. */
export interface SystemAddresses {
  gatewayUrl: string;
  healthUrl: string;
  /** The county's subgraph first, then every partnership's. */
  subgraphs: { name: string; label: string; url: string }[];
  dataDir: string;
}

/** A running system to query over HTTP. */
export interface SystemClient extends SystemAddresses {
  /** POSTs a GraphQL operation to the gateway over HTTP. */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** POSTs a GraphQL operation straight to one subgraph, bypassing the gateway. */
  querySubgraph<T = any>(name: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

/** A system of a test file's own, which it may write to, stop and restart. */
export interface TestSystem extends SystemClient {
  system: RunningSystem;
  stop(): Promise<void>;
}

async function post(url: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

/**
 * Ports 14000 to 32019: below Linux's ephemeral range (32768 up), where the system's own
 * outgoing connections would otherwise take a port a service is about to listen on.
 */
export function randomPortOffset(): number {
  return 10_000 + Math.floor(Math.random() * 180) * 100;
}

/** Another system on this machine (another test run) may hold the ports drawn: draw again. */
async function startOnFreePorts(dataDir: string, options: Partial<SystemOptions>, attempts = 3): Promise<RunningSystem> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSystem({ ...options, dataDir, portOffset: randomPortOffset() });
    } catch (error) {
      if (attempt >= attempts || !String((error as Error).message).includes("EADDRINUSE")) throw error;
    }
  }
}

/** The folder of the services' bundles that the end-to-end setup built (see shared-system-setup.ts); absent: tsx. */
export const TEST_BUNDLES = "CSG_TEST_BUNDLES";

/** A client of the system at `addresses`. */
export function clientOf(addresses: SystemAddresses): SystemClient {
  return {
    ...addresses,
    query: (query, variables, token) => post(addresses.gatewayUrl, query, variables, token),
    querySubgraph(name, query, variables) {
      const service = addresses.subgraphs.find((s) => s.name === name);
      if (!service) throw new Error(`No subgraph ${name}`);
      return post(service.url, query, variables);
    },
  };
}

/**
 * Starts the whole system as `pnpm start` does (every subgraph its own process, real HTTP,
 * fresh SQLite files seeded from the project's datasets: copies of one seeded folder, see
 * seeded-data.ts), on ports clear of a running one.
 * For a test file that writes or breaks things; a file that only reads uses the shared one
 * (see shared-system.ts).
 */
export async function startTestSystem(options: Partial<SystemOptions> = {}): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), "csg-test-"));
  copySeededData(dataDir);
  const system = await startOnFreePorts(dataDir, { bundles: process.env[TEST_BUNDLES], ...options });
  const client = clientOf({
    gatewayUrl: system.gateway.url,
    healthUrl: system.gateway.healthUrl,
    subgraphs: system.topology.all.map(({ name, label, url }) => ({ name, label, url })),
    dataDir,
  });
  return {
    ...client,
    system,
    async stop() {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
