import type { ApolloServer } from "@apollo/server";
import {
  graphQLRequestOf,
  handleGraphQL,
  isJsonContentType,
  readRequestBody,
  replyWithError,
} from "@csg/service-runtime";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { GatewayContext } from "./context";
import type { CacheOutcome, GatewayMetrics } from "./observability/metrics";
import { OperationLabels, clientText } from "./observability/operation-labels";
import { logRequest } from "./observability/request-log";
import { summariseOperation } from "./freshness/operation-kind";
import type { Answer, InFlightAnswers } from "./freshness/in-flight-answers";
import { type ResponseCache, bodyKey, cacheKey } from "./freshness/response-cache";
import type { RevisionVector, RevisionWatch } from "./freshness/revision-watch";
import { DEFAULT_SUBGRAPH_TIMEOUTS, type RequestLifetime, requestLifetime } from "./subgraph-timeouts";

export interface GraphQLEndpointOptions {
  server: ApolloServer<GatewayContext>;
  /** Null when the response cache is switched off. */
  cache: ResponseCache | null;
  /** Null when the cache, in-flight deduplication and kept subgraph answers are all off: no request needs the revisions. */
  revisions: RevisionWatch | null;
  /** Null when in-flight deduplication is off. */
  inFlight: InFlightAnswers | null;
  metrics: GatewayMetrics;
  logger: Logger;
  /** A request's deadline (its subgraph fetches are aborted then), counted from its arrival; by default CSG_REQUEST_DEADLINE_MS's. */
  deadlineMs?: number;
  /** Which operation names become metric labels (a closed set); by default the pages' and the first 50 others. */
  labels?: OperationLabels;
}

function reply(response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}

/** Apollo Server writes `errors` first (then data, then extensions), in compact JSON (gateway.ts). */
function hasErrors(body: string): boolean {
  return body.startsWith('{"errors":');
}

/**
 * POST /graphql with a JSON body: reads are answered from the response cache while every
 * subgraph's revision is unchanged, else share the answer of an identical read in flight,
 * else run by Apollo Server (with the observed revisions in the context, which in-flight
 * deduplication keys on) and stored when they answer without errors. Everything else (GET,
 * other content types) goes to Apollo Server as before. Each request is counted, timed and
 * logged once.
 */
export function graphqlEndpoint(options: GraphQLEndpointOptions) {
  const { server, cache, revisions, inFlight, metrics, logger } = options;
  const deadlineMs = options.deadlineMs ?? DEFAULT_SUBGRAPH_TIMEOUTS.requestDeadlineMs;
  const labels = options.labels ?? new OperationLabels();

  /** `defined`: the name is one the request's document defines (not only an operationName sent). */
  const finish = (
    name: string,
    started: number,
    cacheOutcome: CacheOutcome,
    status: number,
    outcome: "success" | "error" | "failure",
    shared = false,
    defined = false,
  ) => {
    const seconds = (performance.now() - started) / 1000;
    const operation = labels.label(name, defined);
    metrics.requests.inc({ operation, outcome });
    metrics.requestDuration.observe({ operation, cache: cacheOutcome }, seconds);
    if (cacheOutcome !== "off") metrics.cache.inc({ result: cacheOutcome });
    if (shared) metrics.requestsShared.inc({ operation });
    logRequest(logger, {
      operation: clientText(name),
      durationMs: Math.round(seconds * 10_000) / 10,
      cache: cacheOutcome,
      shared,
      status,
      outcome,
    });
  };

  /**
   * Everything but an answer from the response cache: Apollo Server runs the request (with
   * the observed revisions in the context, which in-flight deduplication keys on), and a read
   * answered without errors is stored. `observed`: the fast path's observation of the revisions, if it made one.
   */
  const execute = async (
    request: IncomingMessage,
    response: ServerResponse,
    lifetime: RequestLifetime,
    text: string,
    storedKey: string | null,
    started: number,
    observed?: RevisionVector,
  ): Promise<void> => {
    const authorization = request.headers.authorization;
    const httpGraphQLRequest = graphQLRequestOf(request, text, response);
    if (!httpGraphQLRequest) {
      finish("anonymous", started, "off", response.statusCode, "failure");
      return;
    }
    const body = httpGraphQLRequest.body;
    const fields = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : {}) as Record<
      string,
      unknown
    >;
    const operation = summariseOperation(fields.query, fields.operationName);
    const isRead = operation.kind === "query";
    // Observed once per request, after its body arrived (the fast path's observation is reused).
    const revision = !isRead || !revisions ? null : observed !== undefined ? observed : await revisions.observe();

    const key =
      inFlight && isRead && revision
        ? cacheKey({
            query: fields.query as string,
            operationName: fields.operationName as string | undefined,
            variables: fields.variables,
            authorization,
            accept: request.headers.accept,
          })
        : null;
    let cacheOutcome: CacheOutcome = !cache || !isRead ? "off" : revision ? "miss" : "bypass";

    const compute = async (): Promise<Answer> => {
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest,
        context: async () => ({ authorization, revision, signal: lifetime.signal }),
      });
      let body = "";
      if (result.body.kind === "complete") body = result.body.string;
      else for await (const chunk of result.body.asyncIterator) body += chunk;
      const headers: Record<string, string> = {};
      for (const [name, value] of result.headers) headers[name] = value;
      return { status: result.status ?? 200, headers, body, complete: result.body.kind === "complete" };
    };
    const { answer, shared } =
      inFlight && key
        ? await inFlight.share(`${revision}\n${key}`, compute)
        : { answer: await compute(), shared: false };
    const errors = hasErrors(answer.body);
    if (cache && storedKey && isRead && revision && !shared) {
      if (answer.status === 200 && !errors && answer.complete) {
        const bytes = Buffer.from(answer.body, "utf8");
        const headers = { ...answer.headers, "content-length": String(bytes.length) };
        cache.set(storedKey, { revision, status: answer.status, headers, body: bytes, operation: operation.name });
      } else cacheOutcome = "bypass";
    }
    reply(response, answer.status, answer.headers, answer.body);
    finish(
      operation.name,
      started,
      cacheOutcome,
      answer.status,
      answer.status !== 200 ? "failure" : errors ? "error" : "success",
      shared,
      operation.kind !== null,
    );
  };

  /** Runs `work` with the request's lifetime (its deadline counted from its arrival), replying to a failure. */
  const run = (
    request: IncomingMessage,
    response: ServerResponse,
    started: number,
    work: (lifetime: RequestLifetime) => Promise<void>,
  ) => {
    const lifetime = requestLifetime(request, response, deadlineMs, started);
    work(lifetime)
      .catch((error: Error) => replyWithError(response, error))
      .finally(() => lifetime.end());
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    const started = performance.now();
    if (request.method !== "POST" || !isJsonContentType(request.headers["content-type"])) {
      run(request, response, started, async (lifetime) => {
        const authorization = request.headers.authorization;
        await handleGraphQL(server, request, response, async () => ({
          authorization,
          revision: null,
          signal: lifetime.signal,
        }));
        finish("anonymous", started, "off", response.statusCode, response.statusCode === 200 ? "success" : "error");
      });
      return;
    }
    readRequestBody(request, response, (text, clientGone) => {
      if (clientGone) return; // nobody to answer
      if (text === undefined) {
        finish("anonymous", started, "off", response.statusCode, "failure");
        return;
      }
      // The fast path: a body answered before, found by its exact text and caller, before any
      // parsing, and served once the revisions are read (this turn's check phase), without a
      // promise. Safe without validating again: an answer is stored only after Apollo Server
      // parsed and validated this very text (the operation limits, dates and every rule are
      // functions of the document, its variables and the fixed supergraph) and answered it
      // without errors, and it is served only at the revisions it was computed at.
      const storedKey = cache ? bodyKey(text, request.headers.authorization, request.headers.accept) : null;
      const found = storedKey ? cache!.find(storedKey) : undefined;
      if (!found || !revisions) {
        run(request, response, started, (lifetime) => execute(request, response, lifetime, text, storedKey, started));
        return;
      }
      revisions.whenObserved((revision) => {
        try {
          // Another request may have stored a newer answer meanwhile.
          const stored = found.revision === revision ? found : revision ? cache!.get(storedKey!, revision) : undefined;
          if (!stored) {
            run(request, response, started, (lifetime) =>
              execute(request, response, lifetime, text, storedKey, started, revision),
            );
            return;
          }
          reply(response, stored.status, stored.headers, stored.body);
          finish(stored.operation, started, "hit", stored.status, "success", false, true);
        } catch (error) {
          // As any failure of a request (the other waiting requests are answered all the same).
          replyWithError(response, error as Error);
        }
      });
    });
  };
}
