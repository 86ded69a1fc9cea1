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
    include: ["test/**/*.test.ts", "services/*/test/**/*.test.ts"],
    // End-to-end files each start a whole system (eleven processes): one file at a time on two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
