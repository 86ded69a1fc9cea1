import { readSubgraphSdl } from "@csg/operator/supergraph-files";
import { csaPriorities, partnerships as registry } from "@csg/schema";
import { Kind, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { sharedSystem } from "./support/shared-system";

/**
 * Every subgraph answers the federation subgraph spec over HTTP, so that any federation
 * router (Apollo's, Hive's) can compose and route to it: `_service { sdl }` and `_entities`.
 */

const t = sharedSystem();

const names = ["county", "national", ...registry.map((p) => p.code)];

/** Each entity type of a subgraph's SDL with its key's fields, e.g. CharnwoodCsp -> "code". */
function entityKeys(sdl: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const key = definition.directives?.find((d) => d.name.value === "key");
    const fields = key?.arguments?.find((a) => a.name.value === "fields")?.value;
    if (fields) keys.set(definition.name.value, fields.kind === Kind.STRING ? fields.value : print(fields));
  }
  return keys;
}

/** A representation of every entity type the system has, and a field whose value proves it was resolved. */
function representationOf(
  typeName: string,
  subgraph: string,
): { representation: Record<string, string>; selection: string; expected: Record<string, unknown> } {
  const partnership = registry.find((p) => p.entityTypeName === typeName);
  if (partnership && subgraph === "county") {
    // The county owns the registry's fields of every partnership's entity type.
    return {
      representation: { code: partnership.code },
      selection: "code name countyBoardMember",
      expected: { code: partnership.code, name: partnership.name, countyBoardMember: partnership.countyBoardMember },
    };
  }
  if (partnership) {
    // A partnership's subgraph resolves its own entity type, by code, from its own database.
    return {
      representation: { code: partnership.code },
      selection: `code crimeStatistics(category: "all-crime") { count }`,
      expected: { code: partnership.code, crimeStatistics: expect.arrayContaining([{ count: expect.any(Number) }]) },
    };
  }
  if (typeName === "CommunitySafetyPartnership" && subgraph === "national") {
    // The national subgraph's fields on the county's partnership interface (@interfaceObject), by code.
    return {
      representation: { code: "charnwood" },
      selection: `code nationalPosition(category: "all-crime", financialYear: "2020/21") { csp { code } }`,
      expected: { code: "charnwood", nationalPosition: { csp: { code: "E22000165" } } },
    };
  }
  if (typeName === "CsaPriority") {
    const priority = csaPriorities.find((p) => p.id === "domestic-abuse")!;
    // The county owns CsaPriority's title; a partnership's subgraph knows it by id alone.
    return subgraph === "county"
      ? {
          representation: { id: priority.id },
          selection: "id number title",
          expected: { id: priority.id, number: 6, title: priority.title },
        }
      : { representation: { id: priority.id }, selection: "id", expected: { id: priority.id } };
  }
  throw new Error(`No representation of ${typeName} (subgraph ${subgraph}) in this test: add one`);
}

describe.each(names)("the %s subgraph", (name) => {
  it("serves `_service { sdl }`: its committed SDL, with @key and the link to the federation spec", async () => {
    const { data, errors } = await t.querySubgraph(name, `{ _service { sdl } }`);
    expect(errors).toBeUndefined();
    const sdl: string = data._service.sdl;
    expect(sdl).toContain(
      `@link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external"${name === "national" ? ', "@interfaceObject"' : ""}])`,
    );
    expect(sdl).toMatch(/@key\(fields: "(code|id)"\)/);
    expect(sdl).toBe(readSubgraphSdl(name));
  });

  it("resolves each of its entity types by key through `_entities`", async () => {
    const keys = entityKeys(readSubgraphSdl(name));
    const own = registry.find((p) => p.code === name);
    // The county has every partnership's entity type and CsaPriority; a partnership only its own and CsaPriority;
    // the national subgraph the partnership interface as an object.
    const expectedTypes =
      name === "county"
        ? [...registry.map((p) => p.entityTypeName), "CsaPriority"]
        : name === "national"
          ? ["CommunitySafetyPartnership"]
          : [own!.entityTypeName, "CsaPriority"];
    expect([...keys.keys()].sort()).toEqual(expectedTypes.sort());
    for (const [typeName, keyFields] of keys) {
      const { representation, selection, expected } = representationOf(typeName, name);
      expect(Object.keys(representation).join(" ")).toBe(keyFields);
      const { data, errors } = await t.querySubgraph(
        name,
        `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${typeName} { ${selection} } } }`,
        {
          r: [{ __typename: typeName, ...representation }],
        },
      );
      expect(errors, `${name}: _entities of ${typeName}`).toBeUndefined();
      expect(data._entities).toEqual([{ __typename: typeName, ...expected }]);
    }
  });
});

describe("a partnership's subgraph resolving its entity", () => {
  it("serves Charnwood's own figures: All Crime of 11,258 for April 2018 to January 2019 (002_8e9c48eccd29813b.txt, Figure 1)", async () => {
    const { data } = await t.querySubgraph(
      "charnwood",
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CharnwoodCsp { crimeStatistics(category: "all-crime") { count } } } }`,
      {
        r: [{ __typename: "CharnwoodCsp", code: "charnwood" }],
      },
    );
    expect(data._entities[0].crimeStatistics.map((s: { count: number }) => s.count)).toContain(11258);
  });
});
