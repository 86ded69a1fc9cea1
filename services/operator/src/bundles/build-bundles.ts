import { type Plugin, build } from "esbuild";
import { readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../../..", import.meta.url));

/** The folder `pnpm start` builds into and runs from (git-ignored). */
export const bundleFolder = join(repositoryRoot, "dist");

/** One bundle per kind of process: the launcher, the gateway, a partnership's subgraph, the county's, the national one, every subgraph in one. */
export const BUNDLES = {
  start: "services/operator/src/start.ts",
  serve: "services/operator/src/serve.ts",
  gateway: "gateway/src/main.ts",
  csp: "services/csp/src/main.ts",
  county: "services/county/src/main.ts",
  national: "services/national/src/main.ts",
  subgraphs: "services/operator/src/hosting/host-main.ts",
} as const;

/**
 * The commands (what `pnpm <script>` runs under tsx), as bundles for the tests to run
 * (test/support/commands.ts): a bundle starts in a fraction of the time tsx takes to start
 * and compile. Not built for `pnpm start`, which runs none of them.
 */
export const COMMAND_BUNDLES = {
  tokens: "services/operator/src/admin/token-cli.ts",
  "partnership-add": "services/operator/src/admin/partnership-add-cli.ts",
  compose: "services/operator/src/supergraph/compose-cli.ts",
  "schema-check": "services/operator/src/schema-check/schema-check-cli.ts",
  "figures-import": "services/csp/src/commands/import-cli.ts",
  "figures-export": "services/csp/src/commands/export-cli.ts",
  "national-import": "services/national/src/commands/import-cli.ts",
} as const;

/**
 * Our sources find their data files (migrations, datasets, the registry, the supergraph)
 * next to themselves through `import.meta.url`: each module keeps its own source address,
 * so a bundle built here reads the repository's files as the TypeScript sources do.
 */
const sourceAddresses: Plugin = {
  name: "source-addresses",
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes("/node_modules/")) return undefined;
      const text = await readFile(path, "utf8");
      return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)), loader: "ts" };
    });
  },
};

/**
 * Packages that find files relative to their own (better-sqlite3 its compiled addon, esbuild
 * its binary, should a bundled command build): loaded from where they are installed.
 */
const installedInPlace: Plugin = {
  name: "installed-in-place",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(better-sqlite3|esbuild)$/ }, ({ path, resolveDir }) => ({
      path: createRequire(join(resolveDir, "noop.js")).resolve(path),
      external: true,
    }));
  },
};

/**
 * What a build read (every source and package file it bundled, the tsconfig and this file),
 * each with its size and time of change, kept beside the bundles with the names of the bundles
 * it made: `pnpm start` builds again only when one of them changed, or a bundle it needs was
 * not made. The lockfile and pnpm's record of the install stand for the packages: after an
 * install, an import may resolve to another version's files.
 */
const INPUTS_FILE = "inputs.json";
const buildSettings = [
  "tsconfig.json",
  "pnpm-lock.yaml",
  "node_modules/.modules.yaml",
  relative(repositoryRoot, fileURLToPath(import.meta.url)),
];

/**
 * The package.json of each workspace package a build read sources from: their `exports` and
 * `sideEffects` decide what is bundled, so a change to one alone must build again.
 */
function workspacePackageFiles(read: string[]): string[] {
  const found = new Set<string>();
  for (const source of read) {
    if (source.includes("node_modules/")) continue;
    for (let folder = dirname(source); folder !== "." && folder !== "/"; folder = dirname(folder)) {
      const file = join(folder, "package.json");
      if (found.has(file) || existsSync(join(repositoryRoot, file))) {
        found.add(file);
        break;
      }
    }
  }
  return [...found];
}

async function fingerprint(files: string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const found = await stat(join(repositoryRoot, file)).catch(() => undefined);
      return [file, found ? `${found.size}:${found.mtimeMs}` : "missing"] as const;
    }),
  );
  return Object.fromEntries(entries);
}

interface BuildRecord {
  /** Each bundle built, by name, with its entry source. */
  bundles: Record<string, string>;
  /** Each file read, with its size and time of change (see fingerprint). */
  inputs: Record<string, string>;
}

/** Whether `outdir` holds every bundle of `entries`, built from the files as they are now. */
export async function bundlesCurrent(outdir: string, entries: Record<string, string>): Promise<boolean> {
  const kept = await readFile(join(outdir, INPUTS_FILE), "utf8").catch(() => undefined);
  if (!kept) return false;
  const { bundles, inputs } = JSON.parse(kept) as Partial<BuildRecord>;
  if (!bundles || !inputs) return false;
  if (Object.entries(entries).some(([name, source]) => bundles[name] !== source)) return false;
  return JSON.stringify(await fingerprint(Object.keys(inputs))) === JSON.stringify(inputs);
}

/**
 * Builds plain JavaScript for every process of `pnpm start` (or the bundles of `entries`, by
 * name and entry source), so no process compiles TypeScript as it runs (under tsx each held about 140 MB), unless the bundles in `outdir`
 * were built from the files as they are now. esbuild keeps the legacy decorators type-graphql
 * needs (tsconfig's experimentalDecorators); every decorator names its type explicitly, as
 * under tsx, so no decorator metadata is needed. Answers whether it built.
 */
export async function buildBundles(outdir = bundleFolder, entries: Record<string, string> = BUNDLES): Promise<boolean> {
  if (await bundlesCurrent(outdir, entries)) return false;
  const { metafile } = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: Object.entries(entries).map(([out, source]) => ({ out, in: source })),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // No source maps: Node's --enable-source-maps holds them in memory (about 20 MB a process).
    sourcemap: false,
    tsconfig: join(repositoryRoot, "tsconfig.json"),
    // CommonJS dependencies inside an ES module bundle still call require() for Node's own modules.
    banner: {
      js: 'import { createRequire as __csgCreateRequire } from "node:module"; const require = __csgCreateRequire(import.meta.url);',
    },
    plugins: [sourceAddresses, installedInPlace],
    // Optional peers, never installed nor used here (type-graphql's validation is off).
    external: ["class-validator"],
    // The bundled launcher starts the bundled services (see services/operator/src/system.ts).
    define: { "process.env.CSG_SERVICE_BUNDLES": JSON.stringify(outdir) },
    logLevel: "error",
    metafile: true,
  });
  const read = Object.keys(metafile.inputs);
  const inputs = await fingerprint([...read, ...workspacePackageFiles(read), ...buildSettings]);
  const record: BuildRecord = { bundles: entries, inputs };
  await writeFile(join(outdir, INPUTS_FILE), JSON.stringify(record));
  return true;
}
