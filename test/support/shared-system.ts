/**
 * One system for every end-to-end file that only reads: started once before the files run
 * (vitest's global setup) and stopped after. A file that writes, stops a service or needs
 * fresh data starts its own (startTestSystem).
 */
import type { TestProject } from "vitest/node";
import { inject } from "vitest";
import { clientOf, type SystemAddresses, type SystemClient, startTestSystem } from "./system";

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

/** The shared, read-only system: never write to it. */
export function sharedSystem(): SystemClient {
  return clientOf(inject("sharedSystem"));
}
