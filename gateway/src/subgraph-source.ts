import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./context";
import type { InFlightSubgraphRequests } from "./subgraph-deduplication";

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
    /** Shares identical in-flight requests (and times them); absent: every request is sent. */
    private readonly inFlight?: InFlightSubgraphRequests,
  ) {
    super({ url });
  }

  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const send = () => super.process(options);
    return this.inFlight ? this.inFlight.send(options.request, options.context, send) : send();
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
