import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { BUNDLES, buildBundles, bundlesCurrent, COMMAND_BUNDLES } from "../src/bundles/build-bundles";

const outdir = mkdtempSync(join(tmpdir(), "csg-bundles-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

// Two of pnpm start's bundles: what is built again, and when, is the same for any.
const entries = { csp: BUNDLES.csp, gateway: BUNDLES.gateway };

it("builds the bundles, then again only when a file they were built from changed", { timeout: 60_000 }, async () => {
  expect(await buildBundles(outdir, entries)).toBe(true);
  const recordFile = join(outdir, "inputs.json");
  const record = JSON.parse(readFileSync(recordFile, "utf8")) as {
    bundles: Record<string, string>;
    inputs: Record<string, string>;
  };
  expect(record.bundles).toEqual(entries);
  expect(Object.keys(record.inputs)).toEqual(
    expect.arrayContaining([
      "services/csp/src/main.ts",
      "gateway/src/main.ts",
      "tsconfig.json",
      "pnpm-lock.yaml",
      "node_modules/.modules.yaml",
      "services/operator/src/bundles/build-bundles.ts",
      // Their exports and sideEffects decide what is bundled.
      "services/csp/package.json",
      "services/runtime/package.json",
      "gateway/package.json",
    ]),
  );
  expect(await buildBundles(outdir, entries)).toBe(false);
  // Fewer bundles than were built are current too (pnpm start after the tests' build with the commands').
  expect(await bundlesCurrent(outdir, { csp: BUNDLES.csp })).toBe(true);
  // A bundle that was not built is not: the build runs for it.
  expect(await bundlesCurrent(outdir, { ...entries, tokens: COMMAND_BUNDLES.tokens })).toBe(false);
  // As if the partnership subgraph's entry had been edited since (its size and time of change are kept).
  writeFileSync(
    recordFile,
    JSON.stringify({ ...record, inputs: { ...record.inputs, "services/csp/src/main.ts": "0:0" } }),
  );
  expect(await buildBundles(outdir, entries)).toBe(true);
  expect(await buildBundles(outdir, entries)).toBe(false);
  // As if only a package's package.json had changed (its exports, its sideEffects).
  const rebuilt = JSON.parse(readFileSync(recordFile, "utf8")) as typeof record;
  writeFileSync(
    recordFile,
    JSON.stringify({ ...rebuilt, inputs: { ...rebuilt.inputs, "services/runtime/package.json": "0:0" } }),
  );
  expect(await buildBundles(outdir, entries)).toBe(true);
});
