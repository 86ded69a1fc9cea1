/**
 * Bundles the browser pages (pages/src) with esbuild into pages/dist, which is never
 * committed: `pnpm install` runs this (postinstall), and so does `pnpm build:pages`. The
 * gateway only serves what it finds there; dist/build.json records the sources' hash.
 */
import { build } from "esbuild";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { apiExampleQueries } from "./api-examples";
import { type PagesBuild, pagesBuildRecord, pagesDist } from "./built-pages";
import { apiReference, pagesFolder, pagesSourceHash } from "./sources";

const sourceFolder = join(pagesFolder, "src");

/** The page scripts, one bundle each (their shared modules are bundled into each). */
const entryPoints = {
  overview: join(sourceFolder, "pages", "overview.ts"),
  partnership: join(sourceFolder, "pages", "partnership.ts"),
  briefing: join(sourceFolder, "pages", "briefing.ts"),
  explorer: join(sourceFolder, "pages", "explorer.ts"),
};

export async function buildPages(): Promise<PagesBuild> {
  // A fresh folder: no asset of an earlier build outlives its source.
  rmSync(pagesDist, { recursive: true, force: true });
  mkdirSync(pagesDist, { recursive: true });
  const sourceHash = pagesSourceHash();
  const examples = existsSync(apiReference) ? apiExampleQueries(readFileSync(apiReference, "utf8")) : [];
  await build({
    entryPoints,
    outdir: pagesDist,
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
  const record: PagesBuild = { builtAt: new Date().toISOString(), sourceHash, examples: examples.length };
  writeFileSync(pagesBuildRecord, JSON.stringify(record));
  return record;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildPages();
  console.log(`Built the pages into ${pagesDist} in ${Date.now() - started} ms`);
}
