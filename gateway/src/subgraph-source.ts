import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { ServiceAnswer } from "@csg/service-runtime";
import type { GatewayContext } from "./context";
import { type InFlightSubgraphRequests, answerTexts } from "./subgraph-deduplication";
import { subgraphFailure } from "./subgraph-failure";
import { postToSubgraph } from "./subgraph-request";

/** The gateway's subgraph operations are printed by its planner: a write starts with `mutation`. */
const isWrite = (query: string | undefined) => /^\s*mutation\b/.test(query ?? "");

type Request = GraphQLDataSourceProcessOptions<GatewayContext>["request"];
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;

/**
 * The gateway's connection to one subgraph. Forwards the caller's bearer token (writes are
 * authorised by each subgraph), and turns a failed call into an error that names the
 * subgraph, so one partnership's outage reads as such while the others still answer.
 * Each read has a timeout and ends with the client's request; a write is waited for until its
 * subgraph answers (see subgraph-timeouts.ts). What @apollo/gateway's RemoteGraphQLDataSource
 * does for a query plan's fetch, without its per-call fetch Request, Headers and Response, and
 * with the client request's signal taken from the context it is given.
 */
export class SubgraphSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    readonly label: string,
    readonly url: string,
    readonly timeoutMs = 5000,
    /** Public errors name the subgraph's address only when the operator asks (CSG_EXPOSE_INTERNAL_ADDRESSES). */
    readonly exposeAddress = false,
    /** Shares identical in-flight requests (and times them); absent: every request is sent. */
    private readonly inFlight?: InFlightSubgraphRequests,
    /** How long a write is waited for at most (subgraph-timeouts.ts: writeBackstopMs). */
    readonly writeBackstopMs = 300_000,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error("Missing query");
    const send = () => this.send(request, context);
    const response = await (this.inFlight ? this.inFlight.send(request, context, send) : send());
    // The subgraphs send no cache hints: nothing the gateway answers may be kept by an HTTP cache
    // (freshness is the gateway's own business, freshness/).
    if ("incomingRequestContext" in options) {
      const policy = options.incomingRequestContext.overallCachePolicy;
      if (policy && "restrict" in policy) policy.restrict({ maxAge: 0 });
    }
    return response;
  }

  private async send(
    request: Request,
    context: GatewayContext | Record<string, unknown>,
  ): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = {};
    // The planner adds headers of its own only to ask for traces (Apollo usage reporting).
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    headers["content-type"] = "application/json";
    const authorization = "authorization" in context ? (context.authorization as string | undefined) : undefined;
    if (authorization) headers.authorization = authorization;
    const signal = "signal" in context ? (context.signal as AbortSignal | undefined) : undefined;
    const { http: _http, ...sent } = request;
    try {
      // A write is waited for until its subgraph answers: abandoning it would not undo it.
      const answer = await postToSubgraph(
        this.url,
        headers,
        JSON.stringify(sent),
        isWrite(request.query) ? { writeBackstopMs: this.writeBackstopMs } : { timeoutMs: this.timeoutMs, signal },
      );
      const body = this.parseBody(answer, await answer.text());
      if (!answer.ok) throw refusal(answer, body);
      if (typeof body !== "object" || body === null)
        throw new Error(`Expected JSON response body, but received: ${body}`);
      return { ...body, http: answer };
    } catch (error) {
      if (error instanceof GraphQLError && !error.extensions.response) throw error;
      const failure = subgraphFailure(error as Error, this);
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

  /** JSON when the subgraph says so (its text kept for copies of a shared answer, subgraph-deduplication.ts), else the text. */
  private parseBody(answer: ServiceAnswer, text: string): object | string {
    if (!/^application\/(graphql-response\+)?json/.test(answer.headers.get("content-type") ?? "")) return text;
    if (this.inFlight) answerTexts.set(answer, text);
    return JSON.parse(text) as object;
  }
}

/** A subgraph's refusal (an HTTP error status), as subgraph-failure.ts reads it: status and body. */
function refusal(answer: ServiceAnswer, body: object | string): GraphQLError {
  return new GraphQLError(`${answer.status}: ${answer.statusText}`, {
    extensions: { response: { url: answer.url, status: answer.status, statusText: answer.statusText, body } },
  });
}
