import { ApolloServer, type BaseContext, type ContextFunction } from "@apollo/server";
import { startStandaloneServer, type StandaloneServerContextFunctionArgument } from "@apollo/server/standalone";
import type { GraphQLSchema } from "graphql";

export interface ServedSubgraph {
  url: string;
  stop(): Promise<void>;
}

/** Serves a subgraph schema over HTTP on 127.0.0.1, with a fresh context per request. */
export async function serveSubgraph<TContext extends BaseContext>(
  schema: GraphQLSchema,
  port: number,
  context: ContextFunction<[StandaloneServerContextFunctionArgument], TContext>,
): Promise<ServedSubgraph> {
  const server = new ApolloServer<TContext>({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" }, context });
  return { url, stop: () => server.stop() };
}
