/**
 * Where the built pages are, for the gateway that serves them: it needs only this folder,
 * never the sources nor the build tooling. `pnpm install` (postinstall) and `pnpm build:pages`
 * fill it; it is never committed.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const pagesDist = join(dirname(fileURLToPath(import.meta.url)), "dist");

/** The build's record: when, from which sources (their content hash), with how many explorer examples. */
export const pagesBuildRecord = join(pagesDist, "build.json");

export interface PagesBuild {
  builtAt: string;
  sourceHash: string;
  examples: number;
}

/** Fails, saying what to run, when the pages were never built. */
export function assertPagesBuilt(): void {
  if (!existsSync(pagesBuildRecord)) {
    throw new Error(`The pages are not built (no ${pagesBuildRecord}): run \`pnpm build:pages\``);
  }
}
