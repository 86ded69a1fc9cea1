import { type RunningSystem, type SystemOptions, startSystem } from "@csg/operator";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copySeededData } from "./seeded-data";
import { type SystemClient, clientOf } from "./system-client";

export type { GraphQLResponse, SystemAddresses, SystemClient } from "./system-client";

/** A system of a test file's own, which it may write to, stop and restart. */
export interface TestSystem extends SystemClient {
  system: RunningSystem;
  stop(): Promise<void>;
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
