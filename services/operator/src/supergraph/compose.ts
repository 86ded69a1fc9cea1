import { composeServices } from "@apollo/composition";
import { buildCountySubgraph } from "@csg/county-subgraph";
import { buildCspSubgraph } from "@csg/csp-subgraph";
import { buildNationalSubgraph } from "@csg/national-subgraph";
import { COUNTY_SUBGRAPH, NATIONAL_SUBGRAPH, partnerships } from "@csg/schema";
import { parse } from "graphql";
import { CompositionError } from "./composition-error";

export { CompositionError } from "./composition-error";

export interface SubgraphDefinition {
  name: string;
  url: string;
  sdl: string;
}

export interface Composition {
  subgraphs: SubgraphDefinition[];
  supergraphSdl: string;
}

export function defaultSubgraphUrl(port: number): string {
  return `http://localhost:${port}/graphql`;
}

/** Every subgraph's SDL, built from the code: the county's and one per registered partnership. */
export async function buildSubgraphDefinitions(): Promise<SubgraphDefinition[]> {
  const county = await buildCountySubgraph();
  const definitions: SubgraphDefinition[] = [
    { name: COUNTY_SUBGRAPH.name, url: defaultSubgraphUrl(COUNTY_SUBGRAPH.port), sdl: county.sdl },
  ];
  for (const entry of partnerships) {
    const subgraph = await buildCspSubgraph(entry);
    definitions.push({ name: entry.code, url: defaultSubgraphUrl(entry.port), sdl: subgraph.sdl });
  }
  const national = await buildNationalSubgraph();
  definitions.push({
    name: NATIONAL_SUBGRAPH.name,
    url: defaultSubgraphUrl(NATIONAL_SUBGRAPH.port),
    sdl: national.sdl,
  });
  return definitions;
}

/** Composes the subgraphs into the supergraph with Apollo's composition (plain Federation 2). */
export function composeSubgraphs(subgraphs: SubgraphDefinition[]): string {
  const documents = new Map(subgraphs.map((s) => [s.name, parse(s.sdl)]));
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: documents.get(s.name)! })),
  );
  if (result.errors) throw new CompositionError(result.errors, documents);
  return result.supergraphSdl;
}

export async function compose(): Promise<Composition> {
  const subgraphs = await buildSubgraphDefinitions();
  return { subgraphs, supergraphSdl: composeSubgraphs(subgraphs) };
}
