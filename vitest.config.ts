import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/support/longest-first";

const require = createRequire(import.meta.url);

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
    projects: [
      // Rules, publishing and analysis on in-memory databases: seconds (`pnpm test:unit`).
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "schema/test/**/*.test.ts",
            "services/*/test/**/*.test.ts",
            "gateway/test/**/*.test.ts",
            "pages/test/**/*.test.ts",
          ],
        },
      },
      // Through real processes and HTTP; read-only files share one system (test/support/shared-system.ts).
      {
        extends: true,
        test: { name: "e2e", include: ["test/**/*.test.ts"], globalSetup: ["test/support/shared-system-setup.ts"] },
      },
    ],
  },
});
