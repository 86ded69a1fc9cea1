// The launcher alone: the package's index also loads composition, the schema check and esbuild.
import { type RunningSystem, type SystemOptions, startSystem } from "@csg/operator/system";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { copySeededData } from "./seeded-data";
import { onFreePorts } from "./free-ports";
import { type SystemClient, clientOf } from "./system-client";
import { TEST_BUNDLES } from "./test-bundles";

export type { GraphQLResponse, SystemAddresses, SystemClient } from "./system-client";

/** A system of a test file's own, which it may write to, stop and restart. */
export interface TestSystem extends SystemClient {
  system: RunningSystem;
  stop(): Promise<void>;
}

/**
 * Starts the whole system as `pnpm start` does (its hosting unless `options` name one, real HTTP,
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
