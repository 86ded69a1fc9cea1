/**
 * A bound on query planning. The entity cycle `partnership { nationalPosition { partnership
 * ... } } }` is refused before planning (entity-nesting.ts) within 2 s however deep; and the
 * planner's own guard (maxPlanOptions, @apollo/query-planner's pathsLimit) stops a plan that
 * the static rule would let through at once instead of running out of memory. The pages'
 * queries plan under the guard. gateway/bench/plan-cycles.ts measures the curve.
 */
import { parse, validate } from "graphql";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { entityTypesOf } from "../src/entity-nesting";
import { operationLimitRules } from "../src/operation-limits";
import { operationLimits } from "../src/operation-limit-settings";
import { nationalPositionQuery } from "@csg/pages/queries/national";
import * as overviewQueries from "@csg/pages/queries/overview";
import { countyComparisonQuery, partnershipQuery } from "@csg/pages/queries/partnership";
import { entityCycle } from "../bench/entity-cycle";
import { SUPERGRAPH_SDL } from "./support/supergraph-schema";

// The planner the gateway runs, resolved from the gateway's own dependencies.
const require = createRequire(createRequire(import.meta.url).resolve("@apollo/gateway"));
const { QueryPlanner } = require("@apollo/query-planner");
const { Supergraph, operationFromDocument } = require("@apollo/federation-internals");

const limits = operationLimits({}, {});
let supergraph: any;
let planner: any;
beforeAll(() => {
  supergraph = Supergraph.build(SUPERGRAPH_SDL);
  planner = new QueryPlanner(supergraph, { debug: { pathsLimit: limits.maxPlanOptions } });
});

const plan = (query: string) =>
  planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query), { validate: true }));
const refusals = (query: string) =>
  validate(
    supergraph.apiSchema().toGraphQLJSSchema(),
    parse(query),
    operationLimitRules(limits, entityTypesOf(SUPERGRAPH_SDL)),
  ).map((e) => e.extensions.code);

describe("the entity cycle through the national subgraph", () => {
  it("a partnership within a partnership is let through and plans", () => {
    expect(refusals(entityCycle(1))).toEqual([]);
    // 25 of them are 25 re-entries: each a plan of its own (about 0.9 s for all 25, planned alone).
    expect(refusals(entityCycle(1, "aliases"))).toEqual(["ENTITY_REENTRIES_EXCEEDED"]);
    expect(plan(entityCycle(1)).kind).toBe("QueryPlan");
  });

  for (const levels of [2, 3, 5, 40]) {
    it(`${levels} turns deeper are refused before planning, within 2 s`, () => {
      const started = performance.now();
      const codes = refusals(entityCycle(levels, "every"));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(codes).toContain("ENTITY_NESTED_IN_ITSELF");
    });
  }

  it("re-entries are counted over the whole operation, fragments as spread: 60 fragments fanning out, within 2 s", () => {
    const fragments = Array.from({ length: 60 }, (_, i) =>
      i + 1 < 60
        ? `fragment F${i} on NationalComparisonRow { rank ...F${i + 1} ...F${i + 1} }`
        : `fragment F${i} on NationalComparisonRow { partnership { code } }`,
    );
    const query = `{ partnership(code: "charnwood") { nationalPosition(financialYear: "2019/20", category: "all-crime") { ...F0 } } }\n${fragments.join("\n")}`;
    const started = performance.now();
    const errors = validate(
      supergraph.apiSchema().toGraphQLJSSchema(),
      parse(query),
      operationLimitRules(limits, entityTypesOf(SUPERGRAPH_SDL)),
    );
    expect(performance.now() - started).toBeLessThan(2000);
    const refusal = errors.find((e) => e.extensions.code === "ENTITY_REENTRIES_EXCEEDED")!;
    expect(refusal.message).toContain(
      "reached again within themselves more than 10^9 times (CommunitySafetyPartnership more than 10^9 times)",
    );
  });

  it("the planner's guard stops 4 turns (once out of a 1 GB heap) if the rule is set aside, within 20 s", () => {
    const started = performance.now();
    expect(() => plan(entityCycle(4))).toThrow(/Too many options generated for nationalPosition/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("the pages' queries", () => {
  it("plan within the guard", () => {
    const queries = [
      partnershipQuery,
      nationalPositionQuery,
      countyComparisonQuery(6),
      ...Object.values(overviewQueries as Record<string, unknown>).filter((q): q is string => typeof q === "string"),
    ];
    for (const query of queries) expect(plan(query).kind).toBe("QueryPlan");
  });
});
