import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance: the CommonJS build that Node (and so type-graphql) loads, not
    // the .mjs that Vite would pick for our own sources (instanceof checks span both).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // Two cores: end-to-end files start whole systems (eleven processes), so one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      // Rules, publishing and analysis on in-memory databases: seconds (`pnpm test:unit`).
      { extends: true, test: { name: "unit", include: ["services/*/test/**/*.test.ts", "gateway/test/**/*.test.ts"] } },
      // Through real processes and HTTP; read-only files share one system (test/support/shared-system.ts).
      { extends: true, test: { name: "e2e", include: ["test/**/*.test.ts"], globalSetup: ["test/support/shared-system-setup.ts"] } },
    ],
  },
});
