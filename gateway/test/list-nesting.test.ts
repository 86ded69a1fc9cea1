/**
 * The gateway's validation rules on documents whose fragments fan out (each spreading the
 * next twice: 2^n paths in n fragments). Our rules summarise each fragment once, so 60
 * fragments cost what 20 do; the bound asserted (2 s for every rule, on a loaded machine)
 * is generous: a rule that walked every path would not finish 60 fragments in a lifetime.
 */
import { type GraphQLSchema, buildSchema, parse, specifiedRules, validate } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { calendarDatesRule } from "../src/calendar-dates";
import { listNestingRule } from "../src/list-nesting";
import { limitError, operationLimitRules } from "../src/operation-limits";
import { operationLimits } from "../src/operation-limit-settings";
import { supergraphApiSchema } from "./support/supergraph-schema";

let supergraph: GraphQLSchema;
beforeAll(async () => {
  supergraph = await supergraphApiSchema();
}, 60_000);

const small = buildSchema(`
  type Query { priorities: [Priority!]! partnership: Partnership }
  type Partnership { code: ID! priorities: [Priority!]! }
  type Priority { id: ID! coverage: [Coverage!]! }
  type Coverage { status: String! partnership: Partnership }
`);

const nesting = listNestingRule(1, (found) => limitError("maxListNesting", 1, found));
const messages = (schema: GraphQLSchema, query: string) =>
  validate(schema, parse(query), [nesting]).map((e) => e.message);

/** n fragments on `type`, each selecting `fields` and spreading the next twice; the last selects `last`. */
function fanOut(n: number, type: string, fields: string, last = fields): string {
  const fragments = Array.from({ length: n }, (_, i) =>
    i + 1 < n
      ? `fragment F${i} on ${type} { ${fields} ...F${i + 1} ...F${i + 1} }`
      : `fragment F${i} on ${type} { ${last} }`,
  );
  return fragments.join("\n");
}

describe("the same list nested in itself", () => {
  it("is refused on a path, through fragments and inline fragments, naming the list and the path", () => {
    expect(messages(small, `{ priorities { coverage { partnership { priorities { id } } } } }`)).toEqual([
      "The operation exceeds the gateway's limit maxListNesting of 1: the list priorities appears 2 times on the path priorities > coverage > priorities.",
    ]);
    expect(
      messages(
        small,
        `{ priorities { ...C } } fragment C on Priority { coverage { ... on Coverage { partnership { ...P } } } } fragment P on Partnership { priorities { id } }`,
      ),
    ).toHaveLength(1);
  });

  it("is not refused for one list beside itself, nor for a list nested in another list", () => {
    expect(messages(small, `{ priorities { id } partnership { priorities { coverage { status } } } }`)).toEqual([]);
    expect(messages(small, `{ a: priorities { id } b: priorities { coverage { partnership { code } } } }`)).toEqual([]);
  });

  it("counts each path alone: a fragment used beside a list is not inside it", () => {
    const query = `{ partnership { ...P } priorities { id } } fragment P on Partnership { priorities { id } }`;
    expect(messages(small, query)).toEqual([]);
  });
});

describe("fragments that fan out", () => {
  for (const n of [20, 40, 60]) {
    it(`${n} fragments each spreading the next twice: every rule answers within 2 s`, () => {
      const query = `{ county { agreement { priorities { ...F0 } } } }\n${fanOut(n, "CsaPriority", "id title", "coverage { status }")}`;
      const rules = [...operationLimitRules(operationLimits({}, {})), calendarDatesRule, ...specifiedRules];
      const started = performance.now();
      const errors = validate(supergraph, parse(query), rules);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(errors.map((e) => e.extensions.code)).not.toContain("LIST_NESTED_IN_ITSELF");
    });

    it(`${n} fragments whose last nests a list in itself: refused once, within 2 s`, () => {
      const query = `{ county { agreement { priorities { ...F0 } } } }\n${fanOut(n, "CsaPriority", "id", "coverage { partnership { priorities { csaAlignment { priority { coverage { status } } } } } }")}`;
      const started = performance.now();
      const errors = validate(supergraph, parse(query), [...operationLimitRules(operationLimits({}, {}))]);
      expect(performance.now() - started).toBeLessThan(2000);
      const refused = errors.filter((e) => e.extensions.code === "LIST_NESTED_IN_ITSELF");
      expect(refused.map((e) => e.message)).toEqual([
        "The operation exceeds the gateway's limit maxListNesting of 1: the list coverage appears 2 times on the path priorities > coverage > priorities > csaAlignment > coverage.",
      ]);
    });
  }

  it("a fan-out of fields (not fragments) is refused by the depth limit, and our rules stay within 2 s", () => {
    const query = `{ partnerships { ...F0 } }\n${fanOut(40, "CommunitySafetyPartnership", "code districts { name }", "name")}`;
    const started = performance.now();
    const errors = validate(supergraph, parse(query), [
      ...operationLimitRules(operationLimits({}, {})),
      calendarDatesRule,
    ]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(errors.map((e) => e.extensions.code)).toContain("MAX_COST_EXCEEDED");
  });
});
