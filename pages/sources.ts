/**
 * The pages' sources and their content hash: the build records it in dist/build.json, and a
 * test compares it with the sources as they are, so a stale dist fails rather than being served.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const pagesFolder = dirname(fileURLToPath(import.meta.url));

/** The explorer opens with the API reference's examples, so that file is a source too. */
export const apiReference = join(pagesFolder, "..", "schema", "API.md");

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Every file whose content shapes the built pages: the browser code, the build, its settings. */
export function pagesSources(): string[] {
  const own = ["src", "build.ts", "sources.ts", "api-examples.ts", "package.json"].map((name) =>
    join(pagesFolder, name),
  );
  return [...own, apiReference].filter((path) => existsSync(path)).flatMap(filesUnder);
}

/** SHA-256 over each source's path (from the repository root) and content, in path order. */
export function pagesSourceHash(): string {
  const hash = createHash("sha256");
  const root = join(pagesFolder, "..");
  for (const file of pagesSources().sort()) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}
