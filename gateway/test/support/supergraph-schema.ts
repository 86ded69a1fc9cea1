import { ApolloGateway } from "@apollo/gateway";
import { readFileSync } from "node:fs";
import type { GraphQLSchema } from "graphql";

export const SUPERGRAPH_SDL = readFileSync(
  new URL("../../../schema/generated/supergraph.graphql", import.meta.url),
  "utf8",
);

/** The API schema clients query, as the gateway builds it from the committed supergraph. */
export async function supergraphApiSchema(): Promise<GraphQLSchema> {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({ supergraphSdl: SUPERGRAPH_SDL });
  const { schema } = await gateway.load();
  await gateway.stop();
  return schema;
}
