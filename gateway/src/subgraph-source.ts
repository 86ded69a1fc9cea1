import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./context";

/**
 * The gateway's connection to one subgraph. Forwards the caller's bearer token (writes are
 * authorised by each subgraph), and turns a failed fetch into an error that names the
 * subgraph, so one partnership's outage reads as such while the others still answer.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    readonly label: string,
    url: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = "authorization" in context ? context.authorization : undefined;
    if (authorization) request.http?.headers.set("authorization", authorization);
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`${this.label} is unavailable: its subgraph "${this.name}" at ${this.url} did not answer (${error.message}).`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.name, url: this.url },
    });
  }
}
