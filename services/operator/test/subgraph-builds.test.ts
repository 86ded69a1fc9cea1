/**
 * Subgraphs built together in one process (the shared host, a test's in-process system)
 * come out exactly as each built alone: the SDL committed in schema/generated, whatever the
 * order in which their builds start and interleave.
 */
import { topology } from "@csg/service-runtime";
import { describe, expect, it } from "vitest";
import { buildSubgraph } from "../src/hosting/subgraph-hosting";
import { readSubgraphSdl } from "../src/supergraph/files";

describe("subgraphs built in one process", () => {
  // The county first, then each other subgraph a few microtasks later (as a shared host's
  // services reach their build between the county's steps): their classes are made while the
  // county's build is under way, at every spacing up to 40 steps.
  it.each([1, 3, 10, 40])(
    "each match the committed SDL when their builds start %i microtasks apart",
    async (spacing) => {
      const layout = topology(0, {});
      const builds: Promise<{ name: string; sdl: string }>[] = [];
      for (const service of [layout.county, ...layout.partnerships, layout.national]) {
        builds.push(buildSubgraph(service).then(({ sdl }) => ({ name: service.name, sdl })));
        for (let step = 0; step < spacing; step++) await Promise.resolve();
      }
      for (const { name, sdl } of await Promise.all(builds)) expect(sdl, name).toBe(readSubgraphSdl(name));
    },
    120_000,
  );
});
