/**
 * The end-to-end runs' bundles, kept between runs: building the services' and the commands'
 * bundles cost every run about 10 s of esbuild's CPU (measured under load) and seconds of
 * waiting, though the sources seldom change from one run to the next. Each build has a folder
 * of its own under node_modules/.cache (git-ignored), never dist/: the documentation test runs
 * `pnpm start`, which builds dist/ again. A run uses a build made from the files as they are
 * now (the build's own record, see bundlesCurrent), else builds one. */
import { BUNDLES, COMMAND_BUNDLES, buildBundles, bundlesCurrent } from "@csg/operator/bundles";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "./commands";

const cacheFolder = join(repositoryRoot, "node_modules", ".cache", "csg-test-bundles");

/** With the commands' bundles, which test/support/commands.ts runs. */
const ENTRIES = { ...BUNDLES, ...COMMAND_BUNDLES };

/**
 * A build unused this long is removed. Not sooner: another run (in this checkout, started
 * before a source changed) may still be starting processes from its bundles.
 */
const UNUSED_FOR_MS = 60 * 60_000;

/** The folder of bundles built from the files as they are now: one kept from an earlier run, else built here. */
export async function testBundles(): Promise<string> {
  mkdirSync(cacheFolder, { recursive: true });
  const builds = readdirSync(cacheFolder).map((name) => join(cacheFolder, name));
  let chosen: string | undefined;
  for (const build of builds) {
    if (await bundlesCurrent(build, ENTRIES)) {
      chosen = build;
      break;
    }
  }
  if (!chosen) {
    chosen = mkdtempSync(join(cacheFolder, "build-"));
    await buildBundles(chosen, ENTRIES);
  }
  // Its time of change marks its last use (see UNUSED_FOR_MS).
  const now = new Date();
  utimesSync(chosen, now, now);
  for (const build of builds) {
    if (build !== chosen && Date.now() - statSync(build).mtimeMs > UNUSED_FOR_MS) {
      rmSync(build, { recursive: true, force: true });
    }
  }
  return chosen;
}
