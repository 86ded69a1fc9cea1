/**
 * The built pages (pages/dist) are the ones their sources make: the build records the
 * sources' content hash in dist/build.json, and a stale or missing build fails here.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type PagesBuild, pagesBuildRecord, pagesDist } from "../built-pages";
import { pagesSourceHash, pagesSources } from "../sources";

describe("the built pages", () => {
  it("were built from the sources as they are now", () => {
    expect(existsSync(pagesBuildRecord), `no ${pagesBuildRecord}: run \`pnpm build:pages\``).toBe(true);
    const record = JSON.parse(readFileSync(pagesBuildRecord, "utf8")) as PagesBuild;
    expect(record.sourceHash, "the pages' sources changed since the last build: run `pnpm build:pages`").toBe(
      pagesSourceHash(),
    );
  });

  it("hold each page's script and styles", () => {
    for (const page of ["overview", "partnership", "briefing", "explorer"]) {
      expect(existsSync(join(pagesDist, `${page}.js`)), `${page}.js`).toBe(true);
      expect(existsSync(join(pagesDist, `${page}.css`)), `${page}.css`).toBe(true);
    }
  });

  it("count the page sources, the generated types and the API reference among the hashed files", () => {
    const sources = pagesSources().map((file) => file.replaceAll("\\", "/"));
    expect(sources.some((file) => file.endsWith("pages/src/pages/overview.ts"))).toBe(true);
    expect(sources.some((file) => file.endsWith("pages/src/generated/operations.ts"))).toBe(true);
    expect(sources.some((file) => file.endsWith("pages/build.ts"))).toBe(true);
    expect(sources.some((file) => file.endsWith("schema/API.md"))).toBe(true);
  });
});
