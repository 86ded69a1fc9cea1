import { buildCspSubgraph } from "@csg/csp-subgraph";
import { CompositionError, compose, composeSubgraphs } from "@csg/operator/composition";
import { compositionFiles } from "@csg/operator/supergraph-files";
import { partnerships } from "@csg/schema";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the committed SDL and supergraph", () => {
  it("equal a fresh composition of the code (run `pnpm compose` after changing a schema)", async () => {
    const files = compositionFiles(await compose());
    for (const [path, text] of files) {
      expect(existsSync(path), `${path} is missing: run pnpm compose`).toBe(true);
      expect(readFileSync(path, "utf8"), `${path} is stale: run pnpm compose`).toBe(text);
    }
    const folder = [...files.keys()][0].replace(/\/[^/]+$/, "");
    expect(readdirSync(folder).sort()).toEqual([...files.keys()].map((p) => p.replace(/^.*\//, "")).sort());
  });
});

describe("a composition error", () => {
  const federation = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external"])`;
  // A deliberately broken subgraph: it claims Charnwood's entity and resolves Charnwood's own
  // `priorities` field, with another type, without either side declaring it @shareable.
  const rogue = [
    federation,
    `type Query { rogue: CharnwoodCsp }`,
    `type CharnwoodCsp @key(fields: "code") {`,
    `  code: ID!`,
    `  priorities: [String]`,
    `}`,
  ].join("\n");

  async function composeWithRogue(): Promise<CompositionError> {
    const charnwood = await buildCspSubgraph(partnerships.find((p) => p.code === "charnwood")!);
    try {
      composeSubgraphs([
        { name: "charnwood", url: "http://localhost:4012/graphql", sdl: charnwood.sdl },
        { name: "rogue", url: "http://localhost:4999/graphql", sdl: rogue },
      ]);
    } catch (error) {
      if (error instanceof CompositionError) return error;
      throw error;
    }
    throw new Error("the broken subgraph composed");
  }

  it("names the subgraphs and the field at fault, with the line of each subgraph's SDL", async () => {
    const error = await composeWithRogue();
    const sharing = error.problems.find((p) => p.code === "INVALID_FIELD_SHARING")!;
    expect(sharing).toMatchObject({ subgraphs: ["charnwood", "rogue"], coordinates: ["CharnwoodCsp.priorities"] });
    // `priorities` is on line 5 of the rogue SDL above.
    expect(sharing.places).toContainEqual({ subgraph: "rogue", coordinate: "CharnwoodCsp.priorities", line: 5 });
    expect(error.message).toContain("[INVALID_FIELD_SHARING] in subgraphs charnwood, rogue at CharnwoodCsp.priorities");
    expect(error.message).toContain("- rogue: CharnwoodCsp.priorities, line 5");
    const mismatch = error.problems.find((p) => p.code === "FIELD_TYPE_MISMATCH")!;
    expect(mismatch.message).toContain(`type "[String]" in subgraph "rogue"`);
  });

  it("names the subgraph and the type of an error inside one subgraph", async () => {
    const charnwood = await buildCspSubgraph(partnerships.find((p) => p.code === "charnwood")!);
    const broken = `${federation}\ntype Query { rogue: Rogue }\ntype Rogue {\n  id: ID!\n  kind: UnknownKind\n}`;
    expect(() =>
      composeSubgraphs([
        { name: "charnwood", url: "http://localhost:4012/graphql", sdl: charnwood.sdl },
        { name: "rogue", url: "http://localhost:4999/graphql", sdl: broken },
      ]),
    ).toThrow("[INVALID_GRAPHQL] in subgraph rogue at Rogue.kind");
  });
});
