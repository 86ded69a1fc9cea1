import { Supergraph } from "@apollo/federation-internals";
import type { GraphQLSchema } from "graphql";

/**
 * The schema the dashboards see through any federation router: the supergraph without its
 * routing metadata (join__*, link__*). Changes to which subgraph resolves a field are not
 * changes to the contract, so the checks compare this and not the raw supergraph.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
