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
 * Starts something on a random port offset, drawn again if another system on this machine
 * (another test file or run) holds the ports. Offsets put ports between 14000 and 32019:
 * below Linux's ephemeral range (32768 up), where the systems' own outgoing connections would
 * otherwise take a port a service is about to listen on. `shift` moves the ports within the
 * drawn slot of 100, so different kinds of system never draw the same ports.
 */
export async function onFreePorts<T>(start: (portOffset: number) => Promise<T>, shift = 0, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(10_000 + Math.floor(Math.random() * 180) * 100 + shift);
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
  const system = await onFreePorts((portOffset) =>
    startSystem({ bundles: process.env[TEST_BUNDLES], ...options, dataDir, portOffset }),
  );
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
