/**
 * The gateway's default operation limits let through every query the documentation and the tests
 * send (checked here against the supergraph's API schema, no system needed), and refuse the
 * shapes of the issue's attacks, each with its limit's code. test/abuse.test.ts sends the
 * attacks through the running system.
 */
import { apiSchemaOf } from "@csg/operator/schema-check/api-schema";
import { readSupergraph } from "@csg/operator/supergraph-files";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { entityTypesOf } from "../gateway/src/entity-nesting";
import { operationLimitRules } from "../gateway/src/operation-limits";
import { operationLimits } from "../gateway/src/operation-limit-settings";
import { repositoryRoot } from "./support/commands";
import { DOCUMENTS } from "./support/documentation";
import * as overviewQueries from "../pages/src/queries/overview";
import { nationalPositionQuery } from "../pages/src/queries/national";
import { countyComparisonQuery, partnershipQuery } from "../pages/src/queries/partnership";

const schema = apiSchemaOf(readSupergraph());
const rules = operationLimitRules(operationLimits({}, {}), entityTypesOf(readSupergraph()));
const refusals = (query: string) =>
  validate(schema, parse(query, { maxTokens: operationLimits({}, {}).maxTokens }), rules).map((e) => e.extensions.code);

/** Every GraphQL document in a text: the documentation's code blocks, or template literals of a test that parse as GraphQL. */
function documentsIn(text: string, markdown: boolean): string[] {
  const candidates = markdown
    ? [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1])
    : [...text.matchAll(/`(\s*(?:query|mutation)?[^`$]*\{[^`]*\})\s*`/g)].map((m) => m[1]);
  return candidates.filter((candidate) => {
    try {
      parse(candidate);
      return true;
    } catch {
      return false;
    }
  });
}

describe("the default limits", () => {
  it("let every query of the README and the documents it links through", () => {
    const documents = DOCUMENTS.flatMap((document) =>
      documentsIn(readFileSync(join(repositoryRoot, document), "utf8"), true),
    );
    expect(documents.length).toBeGreaterThanOrEqual(8);
    for (const document of documents)
      expect([document.slice(0, 60), refusals(document)]).toEqual([document.slice(0, 60), []]);
  });

  it("let every query of the pages through (the dashboards' own)", () => {
    const queries = [
      partnershipQuery,
      nationalPositionQuery,
      countyComparisonQuery(6),
      ...Object.values(overviewQueries as Record<string, unknown>).filter((q): q is string => typeof q === "string"),
    ];
    expect(queries.length).toBeGreaterThanOrEqual(5);
    for (const query of queries) expect([query.slice(0, 60), refusals(query)]).toEqual([query.slice(0, 60), []]);
  });

  it("let every query of the tests through", () => {
    const files = readdirSync(join(repositoryRoot, "test")).filter(
      (f) => f.endsWith(".test.ts") && f !== "abuse.test.ts" && f !== "operation-limits.test.ts",
    );
    const documents = files.flatMap((f) => documentsIn(readFileSync(join(repositoryRoot, "test", f), "utf8"), false));
    expect(documents.length).toBeGreaterThan(50);
    for (const document of documents)
      expect([document.slice(0, 60), refusals(document)]).toEqual([document.slice(0, 60), []]);
  });

  it("refuse a list nested in itself, through a fragment too", () => {
    expect(
      refusals(`{ partnerships { crimeStatistics { differingFigures { differingFigures { count } } } } }`),
    ).toEqual(["LIST_NESTED_IN_ITSELF"]);
    expect(
      refusals(
        `{ county { agreement { priorities { ...C } } } } fragment C on CsaPriority { coverage { partnership { priorities { csaAlignment { priority { coverage { status } } } } } } }`,
      ),
    ).toEqual(["LIST_NESTED_IN_ITSELF"]);
  });

  it("refuse an entity type nested in itself more than twice (the planner's cycles through the national subgraph)", () => {
    const position = (inner: string) =>
      `nationalPosition(financialYear: "2019/20", category: "all-crime") { rank ${inner} }`;
    const twice = `{ partnership(code: "charnwood") { ${position(`partnership { code ${position("")} }`)} } }`;
    expect(refusals(twice)).toEqual([]);
    const thrice = `{ partnership(code: "charnwood") { ${position(`partnership { ${position(`partnership { code }`)} }`)} } }`;
    expect(refusals(thrice)).toContain("ENTITY_NESTED_IN_ITSELF");
    expect(
      refusals(
        `{ partnerships { ...P } } fragment P on CommunitySafetyPartnership { ${position(`partnership { ${position(`partnership { code }`)} }`)} }`,
      ),
    ).toContain("ENTITY_NESTED_IN_ITSELF");
  });

  it("refuse more than one entity re-entry in an operation (each a plan of about a second)", () => {
    const position = (inner: string) =>
      `nationalPosition(financialYear: "2019/20", category: "all-crime") { rank ${inner} }`;
    const twice = `partnership(code: "charnwood") { ${position(`partnership { code ${position("")} }`)} }`;
    expect(refusals(`{ a: ${twice} b: ${twice} }`)).toEqual(["ENTITY_REENTRIES_EXCEEDED"]);
    expect(refusals(`{ a: ${twice} b: partnership(code: "blaby") { code } }`)).toEqual([]);
  });

  it("refuse too many aliases, too deep a query, too high a cost", () => {
    expect(refusals(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: partnerships { code }`).join(" ")} }`)).toEqual([
      "MAX_ALIASES_EXCEEDED",
    ]);
    expect(
      refusals(
        `{ partnership(code: "charnwood") { crimeStatistics { ${"change { previous { ".repeat(6)} count ${"} } ".repeat(6)} } } }`,
      ),
    ).toContain("MAX_DEPTH_EXCEEDED");
    const all = `partnerships { code name priorities { id title csaAlignment { basis priority { id title } } } crimeStatistics { count localLabel period { label start end basis } source { document locator } change { difference percent previous { count } } } }`;
    expect(refusals(`{ ${Array.from({ length: 25 }, (_, i) => `a${i}: ${all}`).join(" ")} }`)).toEqual([
      "MAX_COST_EXCEEDED",
    ]);
  });

  it("are read from the environment", () => {
    expect(operationLimits({}, { CSG_LIMIT_MAX_DEPTH: "20", CSG_LIMIT_MAX_COST: "5000" })).toMatchObject({
      maxDepth: 20,
      maxCost: 5000,
      maxAliases: 30,
    });
    expect(() => operationLimits({}, { CSG_LIMIT_MAX_DEPTH: "deep" })).toThrow(
      'CSG_LIMIT_MAX_DEPTH must be a whole number of at least 1, got "deep"',
    );
  });
});
