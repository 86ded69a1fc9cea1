/**
 * Vitest's global setup for the end-to-end files: one system for every file that only reads,
 * started once before the files run and stopped after (see shared-system.ts).
 */
import type { TestProject } from "vitest/node";
import type { SystemAddresses } from "./system";
import { startTestSystem } from "./system";

declare module "vitest" {
  export interface ProvidedContext {
    sharedSystem: SystemAddresses;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t = await startTestSystem();
  const { gatewayUrl, healthUrl, subgraphs, dataDir } = t;
  project.provide("sharedSystem", { gatewayUrl, healthUrl, subgraphs, dataDir });
  return () => t.stop();
}
