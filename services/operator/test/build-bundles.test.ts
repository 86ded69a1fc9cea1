import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { buildBundles } from "../src/bundles/build-bundles";

const outdir = mkdtempSync(join(tmpdir(), "csg-bundles-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it("builds the bundles, then again only when a file they were built from changed", { timeout: 60_000 }, async () => {
  expect(await buildBundles(outdir)).toBe(true);
  const inputsFile = join(outdir, "inputs.json");
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8")) as Record<string, string>;
  expect(Object.keys(inputs)).toEqual(
    expect.arrayContaining([
      "services/csp/src/main.ts",
      "gateway/src/main.ts",
      "tsconfig.json",
      "pnpm-lock.yaml",
      "node_modules/.modules.yaml",
      "services/operator/src/bundles/build-bundles.ts",
    ]),
  );
  expect(await buildBundles(outdir)).toBe(false);
  // As if the partnership subgraph's entry had been edited since.
  writeFileSync(inputsFile, JSON.stringify({ ...inputs, "services/csp/src/main.ts": "0:0" }));
  expect(await buildBundles(outdir)).toBe(true);
  expect(await buildBundles(outdir)).toBe(false);
});
