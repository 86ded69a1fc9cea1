/**
 * The one system every end-to-end file that only reads shares (started by
 * shared-system-setup.ts). A file that writes, stops a service or needs fresh data starts
 * its own (startTestSystem).
 */
import { inject } from "vitest";
import type {} from "./shared-system-setup"; // its ProvidedContext
import { clientOf, type SystemClient } from "./system-client";

/** The shared, read-only system: never write to it. */
export function sharedSystem(): SystemClient {
  return clientOf(inject("sharedSystem"));
}
