import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";
import { LongestFirst } from "./test/support/longest-first";

const require = createRequire(import.meta.url);

const UNIT_FILES = [
  "schema/test/**/*.test.ts",
  "services/*/test/**/*.test.ts",
  "gateway/test/**/*.test.ts",
  "pages/test/**/*.test.ts",
];
const UNIT_FILES_ISOLATED = [
  "services/runtime/test/connection-limits.test.ts",
  "services/runtime/test/tls-listen.test.ts",
  "services/runtime/test/command-line.test.ts",
];

export default defineConfig({
  resolve: {
    // One graphql instance: the CommonJS build that Node (and so type-graphql) loads, not
    // the .mjs that Vite would pick for our own sources (instanceof checks span both).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // Two files at a time on two cores: a system's services start from bundles in a few
    // seconds, and most of a file's time is spent waiting (browsers, commands, HTTP). Every
    // file's system has ports of its own (random offsets) and its own data folder.
    fileParallelism: true,
    maxWorkers: 2,
    minWorkers: 1,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    // A page or a command polled under load (two files at a time on two cores) may take longer than the default second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    // Isolation is a pool's, not a project's (vitest 3): the unit files share one module cache
    // per thread (see the unit project); the end-to-end files and the unit files that need it
    // keep a fresh process each (forks, isolated: vitest's default).
    poolOptions: { threads: { isolate: false } },
    projects: [
      // Rules, publishing and analysis on in-memory databases: seconds (`pnpm test:unit`).
      // Files in threads that keep one module cache each across files (isolate: false):
      // importing type-graphql, the gateway and drizzle again for each of some forty files was
      // most of their cost (isolated, under load 15-30: collect 181-192 s, 113-120 s CPU,
      // 248-261 s; shared: collect 55-68 s, 45-52 s CPU, 94-133 s). The price: a file finds
      // modules as earlier files in its thread left them, so the files that set the environment
      // their modules read run isolated (unit-isolated); type-graphql's global metadata is safe
      // to share (services/operator/test/subgraph-builds.test.ts), and every server, reader and
      // database here is an instance of its file's own.
      {
        extends: true,
        test: {
          name: "unit",
          include: UNIT_FILES,
          exclude: [...configDefaults.exclude, ...UNIT_FILES_ISOLATED],
          pool: "threads",
        },
      },
      // Files that set the environment their modules read at import (limits, TLS, commands' options).
      {
        extends: true,
        test: { name: "unit-isolated", include: UNIT_FILES_ISOLATED },
      },
      // Through real processes and HTTP; read-only files share one system (test/support/shared-system.ts).
      {
        extends: true,
        test: { name: "e2e", include: ["test/**/*.test.ts"], globalSetup: ["test/support/shared-system-setup.ts"] },
      },
    ],
  },
});
