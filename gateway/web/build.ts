/**
 * Bundles the browser pages (gateway/web/src) with esbuild into gateway/web/dist, which is
 * never committed: `pnpm install` runs this (postinstall) and the gateway runs it at start
 * when a source is newer than the last build.
 */
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiExampleQueries } from "./api-examples";

const webFolder = dirname(fileURLToPath(import.meta.url));
export const webDist = join(webFolder, "dist");
const sourceFolder = join(webFolder, "src");
const apiReference = join(webFolder, "..", "..", "schema", "API.md");
const stamp = join(webDist, "build.json");

/** The page scripts, one bundle each (their shared modules are bundled into each). */
const entryPoints = {
  overview: join(sourceFolder, "pages", "overview.ts"),
  partnership: join(sourceFolder, "pages", "partnership.ts"),
  briefing: join(sourceFolder, "pages", "briefing.ts"),
  explorer: join(sourceFolder, "pages", "explorer.ts"),
};

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when dist is missing or older than a source, this script, or the API reference's examples. */
export function webBuildIsStale(): boolean {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return [sourceFolder, fileURLToPath(import.meta.url), join(webFolder, "api-examples.ts"), apiReference].some(
    (path) => existsSync(path) && newestChange(path) > built,
  );
}

export async function buildWeb(): Promise<void> {
  mkdirSync(webDist, { recursive: true });
  const examples = existsSync(apiReference) ? apiExampleQueries(readFileSync(apiReference, "utf8")) : [];
  await build({
    entryPoints,
    outdir: webDist,
    bundle: true,
    format: "esm",
    splitting: false,
    minify: true,
    sourcemap: true,
    target: ["es2020"],
    loader: { ".woff": "file", ".woff2": "file", ".ttf": "file", ".svg": "file" },
    // The explorer opens with the API reference's examples: one source for both.
    define: {
      "process.env.NODE_ENV": '"production"',
      __API_EXAMPLES__: JSON.stringify(examples),
    },
    logLevel: "warning",
  });
  writeFileSync(stamp, JSON.stringify({ builtAt: new Date().toISOString(), examples: examples.length }));
}

/** Builds only when something changed since the last build. */
export async function ensureWebBuilt(): Promise<void> {
  if (webBuildIsStale()) await buildWeb();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildWeb();
  console.log(`Built the pages into ${webDist} in ${Date.now() - started} ms`);
}
