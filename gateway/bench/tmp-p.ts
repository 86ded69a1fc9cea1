import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "graphql";
import { nationalPositionQuery } from "../web/src/queries/national";
import * as overview from "../web/src/queries/overview";
import { countyComparisonQuery, partnershipQuery } from "../web/src/queries/partnership";
import { entityCycle } from "./entity-cycle";
const require = createRequire(createRequire(import.meta.url).resolve("@apollo/gateway"));
const { QueryPlanner } = require("@apollo/query-planner");
const { Supergraph, operationFromDocument } = require("@apollo/federation-internals");
const supergraph = Supergraph.build(readFileSync("../schema/generated/supergraph.graphql", "utf8"));
const pos = (inner: string) => `nationalPosition(financialYear: "2019/20", category: "all-crime") { rank ${inner} }`;
const row = `rank csp { name } partnership { code ${pos(`partnership { code name priorities { title } crimeStatistics { count } }`)} priorities { title } }`;
const queries: Record<string, string> = {
  partnershipPage: partnershipQuery, national: nationalPositionQuery, comparisonPage: countyComparisonQuery(6),
  overview: overview.overviewQuery, totals: overview.crimeTotalsQuery, search: overview.prioritySearchQuery,
  cycle1: entityCycle(1), cycle1x25: entityCycle(1, "aliases"),
  rowsTwice: `{ nationalComparison(category: "all-crime", financialYear: "2019/20") { rows { ${row} } } }`,
  rowsOnce: `{ nationalComparison(category: "all-crime", financialYear: "2019/20") { rows { rank partnership { code name priorities { title } } } } }`,
};
for (const limit of [Number(process.argv[2])]) {
  const planner = new QueryPlanner(supergraph, { debug: { pathsLimit: limit } });
  for (const [name, q] of Object.entries(queries)) {
    const t = performance.now();
    let out = "planned";
    try { planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(q), { validate: true })); } catch (e) { out = "refused"; }
    console.log(limit, name, out, Math.round(performance.now() - t), "ms");
  }
}
