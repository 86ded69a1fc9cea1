import { composeServices } from "@apollo/composition";
import { topology } from "@csg/service-runtime";
import { parse } from "graphql";
import { buildSubgraph } from "../hosting/subgraph-hosting";
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

/**
 * Every subgraph's SDL, built from the code: the county's, one per registered partnership,
 * the national one (in that order, as the committed files have them), each at the registry's
 * address (no port offset, no address from the environment).
 */
export async function buildSubgraphDefinitions(): Promise<SubgraphDefinition[]> {
  const layout = topology(0, {});
  const definitions: SubgraphDefinition[] = [];
  for (const service of [layout.county, ...layout.partnerships, layout.national]) {
    const { sdl } = await buildSubgraph(service);
    definitions.push({ name: service.name, url: defaultSubgraphUrl(service.port), sdl });
  }
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
