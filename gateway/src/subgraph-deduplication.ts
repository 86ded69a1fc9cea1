import type { GraphQLDataSource } from "@apollo/gateway";
import type { GatewayContext } from "./context";
import type { KeptSubgraphAnswers } from "./freshness/kept-subgraph-answers";
import type { GatewayMetrics } from "./observability/metrics";

type Process = GraphQLDataSource<GatewayContext>["process"];
type GatewayGraphQLRequest = Parameters<Process>[0]["request"];
type Response = Awaited<ReturnType<Process>> & { http?: unknown };

/**
 * Each subgraph answer's JSON text, by its HTTP answer (see SubgraphSource.parseBody):
 * parsing the text again is a cheaper copy for a waiter than cloning the parsed tree.
 */
export const answerTexts = new WeakMap<object, string>();

/** One fetch on its way, and how many requests wait for it (the first included). */
interface SharedFetch {
  answer: Promise<Response>;
  waiters: number;
}

/**
 * In-flight deduplication of identical subgraph requests (as Hive Gateway and Apollo Router
 * do): while a request is on its way to a subgraph, an identical one (same subgraph, same
 * operation and variables, same Authorization header) waits for its answer instead of being
 * sent. The key also holds the revisions the incoming request observed on arrival (see
 * freshness/revision-watch.ts): a request that arrived after a write never shares a fetch
 * sent before that write was seen. With `kept`, an answer without errors is kept under the
 * same key after it arrived, for requests that come later at the same revisions. No revisions
 * observed, a mutation, or both off: the request is sent as is.
 */
export class InFlightSubgraphRequests {
  private readonly inFlight = new Map<string, SharedFetch>();

  constructor(
    private readonly subgraph: string,
    /** False: every request is sent (and still timed). */
    private readonly deduplicate: boolean,
    private readonly metrics?: GatewayMetrics,
    /** Answers kept for later requests at the same revisions; absent: none kept. */
    private readonly kept?: KeptSubgraphAnswers,
  ) {}

  send(request: GatewayGraphQLRequest, context: GatewayContext, fetch: () => Promise<Response>): Promise<Response> {
    const key = this.keyOf(request, context);
    if (!key) return this.timed(fetch);
    const keptText = this.kept?.get(key);
    if (keptText !== undefined) {
      this.metrics?.subgraphAnswersKept.inc({ subgraph: this.subgraph });
      return Promise.resolve(JSON.parse(keptText) as Response);
    }
    if (!this.deduplicate) return this.timed(fetch).then((response) => this.keep(key, response));
    let shared = this.inFlight.get(key);
    if (shared) {
      this.metrics?.subgraphFetchesShared.inc({ subgraph: this.subgraph });
    } else {
      const sent: SharedFetch = {
        answer: this.timed(fetch)
          .then((response) => this.keep(key, response))
          .finally(() => {
            if (this.inFlight.get(key) === sent) this.inFlight.delete(key);
          }),
        waiters: 0,
      };
      this.inFlight.set(key, (shared = sent));
    }
    const fetched = shared;
    fetched.waiters += 1;
    // The gateway merges answers in place, so each waiter but the last gets its own copy. The
    // waiters' callbacks all run, in order, before any of them goes on to use its answer;
    // nobody joins once the answer is in (the entry is gone by then).
    return fetched.answer.then((response) => (--fetched.waiters === 0 ? response : copyOf(response)));
  }

  /** Keeps an answer without errors (an error may be passing: a timeout, a subgraph restarting). */
  private keep(key: string, response: Response): Response {
    const text = response.http ? answerTexts.get(response.http) : undefined;
    if (this.kept && text !== undefined && !response.errors) this.kept.set(key, text);
    return response;
  }

  private keyOf(request: GatewayGraphQLRequest, context: GatewayContext): string | null {
    if (!(this.deduplicate || this.kept) || !context.revision || !request.query || /^\s*mutation\b/.test(request.query))
      return null;
    return JSON.stringify([
      this.subgraph,
      context.revision,
      context.authorization ?? "",
      request.query,
      request.operationName ?? "",
      request.variables ?? null,
    ]);
  }

  private async timed(fetch: () => Promise<Response>): Promise<Response> {
    const end = this.metrics?.subgraphFetchDuration.startTimer({ subgraph: this.subgraph });
    try {
      return await fetch();
    } catch (error) {
      this.metrics?.subgraphFetchErrors.inc({ subgraph: this.subgraph });
      throw error;
    } finally {
      end?.();
    }
  }
}

function copyOf(response: Response): Response {
  const { http, ...rest } = response;
  const text = http ? answerTexts.get(http) : undefined;
  return { ...(text === undefined ? structuredClone(rest) : JSON.parse(text)), http } as Response;
}
