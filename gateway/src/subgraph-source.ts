import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./context";
import { subgraphFailure } from "./subgraph-failure";
import { asWrite, timedFetcher, withRequestSignal } from "./subgraph-timeouts";
import { type InFlightSubgraphRequests, answerTexts } from "./subgraph-deduplication";

/** The gateway's subgraph operations are printed by its planner: a write starts with `mutation`. */
const isWrite = (query: string | undefined) => /^\s*mutation\b/.test(query ?? "");

/**
 * The gateway's connection to one subgraph. Forwards the caller's bearer token (writes are
 * authorised by each subgraph), and turns a failed fetch into an error that names the
 * subgraph, so one partnership's outage reads as such while the others still answer.
 * Each read has a timeout and ends with the client's request; a write is waited for until its
 * subgraph answers (see subgraph-timeouts.ts).
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    readonly label: string,
    url: string,
    readonly timeoutMs = 5000,
    /** Public errors name the subgraph's address only when the operator asks (CSG_EXPOSE_INTERNAL_ADDRESSES). */
    readonly exposeAddress = false,
    /** Shares identical in-flight requests (and times them); absent: every request is sent. */
    private readonly inFlight?: InFlightSubgraphRequests,
    /** How long a write is waited for at most (subgraph-timeouts.ts: writeBackstopMs). */
    readonly writeBackstopMs = 300_000,
  ) {
    super({ url, fetcher: timedFetcher(timeoutMs) });
  }

  override process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    // A write is waited for until its subgraph answers: abandoning it would not undo it.
    const signal = "signal" in options.context ? options.context.signal : undefined;
    const send = isWrite(options.request.query)
      ? () => asWrite(this.writeBackstopMs, () => super.process(options))
      : () => withRequestSignal(signal, () => super.process(options));
    return this.inFlight ? this.inFlight.send(options.request, options.context, send) : send();
  }

  /** As the base class parses, keeping the JSON text for copies of a shared answer (subgraph-deduplication.ts). */
  override async parseBody(
    fetchResponse: Parameters<RemoteGraphQLDataSource["parseBody"]>[0],
  ): Promise<object | string> {
    const text = await fetchResponse.text();
    if (!/^application\/(graphql-response\+)?json/.test(fetchResponse.headers.get("content-type") ?? "")) return text;
    if (this.inFlight) answerTexts.set(fetchResponse, text);
    return JSON.parse(text) as object;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = "authorization" in context ? context.authorization : undefined;
    if (authorization) request.http?.headers.set("authorization", authorization);
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError && !error.extensions.response) throw error;
    const failure = subgraphFailure(error, this);
    // The operator's line: a certificate refused is a configuration to fix, not an outage.
    if (failure.extensions.reason === "CERTIFICATE")
      console.error(
        `subgraph "${this.name}": ${failure.message} Check the gateway's --ca and the subgraph's certificate.`,
      );
    if (failure.extensions.reason === "CLIENT_CERTIFICATE")
      console.error(
        `subgraph "${this.name}": ${failure.message} Check the gateway's --client-cert and the subgraph's --client-ca.`,
      );
    throw failure;
  }
}
