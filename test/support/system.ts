import { type RunningSystem, type SystemOptions, startSystem } from "@csg/gateway";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

export interface TestSystem {
  system: RunningSystem;
  dataDir: string;
  /** POSTs a GraphQL operation to the gateway over HTTP. */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** POSTs a GraphQL operation straight to one subgraph, bypassing the gateway. */
  querySubgraph<T = any>(name: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
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
function randomPortOffset(): number {
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

/**
 * Starts the whole system as `pnpm start` does (every subgraph its own process, real HTTP,
 * fresh SQLite files seeded from the project's datasets), on ports clear of a running one.
 */
export async function startTestSystem(options: Partial<SystemOptions> = {}): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), "csg-test-"));
  const system = await startOnFreePorts(dataDir, options);
  return {
    system,
    dataDir,
    query: (query, variables, token) => post(system.gateway.url, query, variables, token),
    querySubgraph(name, query, variables) {
      const service = system.topology.all.find((s) => s.name === name);
      if (!service) throw new Error(`No subgraph ${name}`);
      return post(service.url, query, variables);
    },
    async stop() {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
