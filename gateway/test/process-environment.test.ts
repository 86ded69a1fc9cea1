/**
 * The gateway's options, given to its process as environment by the launcher, come out as the
 * same settings the gateway resolved from the options themselves when it ran in process.
 */
import { expect, it } from "vitest";
import { corsOriginsFrom } from "../src/cross-origin";
import { resolveFreshness } from "../src/freshness/freshness-options";
import { operationLimits } from "../src/operation-limit-settings";
import { gatewayEnvironment } from "../src/process-environment";
import { exposeInternalAddresses } from "../src/public-health";
import { subgraphTimeouts } from "../src/subgraph-timeouts";

it("spells every option so that the gateway's process reads back what was given", () => {
  const cases = [
    { defaultMs: 2000 },
    { defaultMs: 2000, bySubgraph: { county: 8000, charnwood: 30_000 }, requestDeadlineMs: 12_000 },
    { requestDeadlineMs: 3000 },
  ];
  for (const timeouts of cases) {
    const env = gatewayEnvironment({ timeouts });
    expect(subgraphTimeouts({}, env)).toEqual(subgraphTimeouts(timeouts, {}));
  }
  // The county keeps its own longer timeout when only the default is given, as in process.
  expect(subgraphTimeouts({}, gatewayEnvironment({ timeouts: { defaultMs: 2000 } })).bySubgraph).toEqual({
    county: 10_000,
  });

  const limits = { maxDepth: 9, maxCost: 1500 };
  expect(operationLimits({}, gatewayEnvironment({ limits }))).toEqual(operationLimits(limits, {}));

  const freshness = {
    responseCache: false,
    deduplication: true,
    cacheMaxBytes: 1024,
    subgraphAnswers: false,
    subgraphAnswersMaxBytes: 2048,
  };
  expect(resolveFreshness({}, gatewayEnvironment({ freshness }))).toEqual(freshness);

  const env = gatewayEnvironment({
    exposeInternalAddresses: true,
    corsOrigins: ["https://dashboards.example.org", "http://localhost:3000"],
  });
  expect(exposeInternalAddresses(env)).toBe(true);
  expect(exposeInternalAddresses(gatewayEnvironment({ exposeInternalAddresses: false }))).toBe(false);
  expect(corsOriginsFrom(env.CSG_CORS_ORIGINS)).toEqual(["https://dashboards.example.org", "http://localhost:3000"]);
  // Nothing given, nothing set: the gateway's own defaults and the inherited environment apply.
  expect(gatewayEnvironment({})).toEqual({});
});

it("refuses a cache size that is not a whole number of bytes, naming the variable", () => {
  for (const variable of ["CSG_RESPONSE_CACHE_MAX_BYTES", "CSG_SUBGRAPH_ANSWERS_MAX_BYTES"])
    for (const text of ["abc", "-5", "0", "2.5", "1e3x"])
      expect(() => resolveFreshness({}, { [variable]: text })).toThrow(
        `${variable} must be a whole number of at least 1, got "${text}"`,
      );
  expect(resolveFreshness({}, { CSG_SUBGRAPH_ANSWERS_MAX_BYTES: "4096" }).subgraphAnswersMaxBytes).toBe(4096);
});
