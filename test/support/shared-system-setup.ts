/**
 * Vitest's global setup for the end-to-end files: the services' JavaScript bundles, built
 * from the sources as `pnpm start` builds them (a system starts from them in a few
 * seconds, where eleven processes compiling TypeScript under tsx took 10-15 s) and kept for
 * the next run (see test-bundle-cache.ts), and one system for every file that only reads,
 * started once before the files run and stopped after (see shared-system.ts), whose freshly
 * seeded data every other test system copies (see seeded-data.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { SEEDED_DATA, snapshotDataFolder } from "./seeded-data";
import type { SystemAddresses } from "./system-client";
import { startInProcessSystem } from "./in-process-system";
import { testBundles } from "./test-bundle-cache";
import { TEST_BUNDLES } from "./test-bundles";

declare module "vitest" {
  export interface ProvidedContext {
    sharedSystem: SystemAddresses;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The test files' processes inherit the environment of this one.
  process.env[TEST_BUNDLES] = await testBundles();
  // Hosted in vitest's own process (see in-process-system.ts): its first start seeds the folder.
  const t = await startInProcessSystem();
  // Taken before any file runs, so it holds what seeding wrote and nothing else.
  const seeded = mkdtempSync(join(tmpdir(), "csg-test-seeded-"));
  snapshotDataFolder(t.dataDir, seeded);
  process.env[SEEDED_DATA] = seeded;
  const { gatewayUrl, healthUrl, subgraphs, dataDir } = t;
  project.provide("sharedSystem", { gatewayUrl, healthUrl, subgraphs, dataDir });
  return async () => {
    await t.stop();
    rmSync(seeded, { recursive: true, force: true });
  };
}
