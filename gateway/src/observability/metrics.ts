import { pendingBodies } from "@csg/service-runtime";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** How a request met the response cache. */
export type CacheOutcome = "hit" | "miss" | "bypass" | "off";

/** What `GET /metrics` exposes (Prometheus text format), one registry per gateway. */
export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<"operation" | "outcome">;
  requestDuration: Histogram<"operation" | "cache">;
  cache: Counter<"result">;
  requestsShared: Counter<"operation">;
  subgraphFetchDuration: Histogram<"subgraph">;
  subgraphFetchErrors: Counter<"subgraph">;
  subgraphFetchesShared: Counter<"subgraph">;
  subgraphAnswersKept: Counter<"subgraph">;
}

// From a cached answer (about a millisecond) to a slow subgraph (seconds).
const SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function gatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "csg_gateway_" });
  new Gauge({
    name: "csg_gateway_pending_request_body_bytes",
    help: "Bytes of request bodies received but not yet complete, all connections together (bounded by CSG_MAX_PENDING_BODY_BYTES).",
    registers: [registry],
    collect() {
      this.set(pendingBodies().bytes);
    },
  });
  return {
    registry,
    requests: new Counter({
      name: "csg_gateway_requests_total",
      help: "GraphQL requests by operation name (a closed set: the pages' and the first 50 others documents defined, else other) and outcome (success; error: an answer with errors; failure: refused with an HTTP error status).",
      labelNames: ["operation", "outcome"],
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: "csg_gateway_request_duration_seconds",
      help: "Time from request to the end of the answer, by operation name (a closed set, as above) and how the response cache met it.",
      labelNames: ["operation", "cache"],
      buckets: SECONDS,
      registers: [registry],
    }),
    cache: new Counter({
      name: "csg_gateway_response_cache_requests_total",
      help: "Reads met by the response cache: hit, miss (answered and stored), bypass (not cacheable: errors, a subgraph's revision unknown).",
      labelNames: ["result"],
      registers: [registry],
    }),
    requestsShared: new Counter({
      name: "csg_gateway_requests_deduplicated_total",
      help: "Reads answered by an identical read already in flight, by operation name (in-flight deduplication).",
      labelNames: ["operation"],
      registers: [registry],
    }),
    subgraphFetchDuration: new Histogram({
      name: "csg_gateway_subgraph_fetch_duration_seconds",
      help: "Time of each request the gateway sent to a subgraph (shared in-flight requests count once).",
      labelNames: ["subgraph"],
      buckets: SECONDS,
      registers: [registry],
    }),
    subgraphFetchErrors: new Counter({
      name: "csg_gateway_subgraph_fetch_errors_total",
      help: "Requests to a subgraph that failed (no answer, or an HTTP error).",
      labelNames: ["subgraph"],
      registers: [registry],
    }),
    subgraphFetchesShared: new Counter({
      name: "csg_gateway_subgraph_fetches_deduplicated_total",
      help: "Subgraph requests answered by an identical request already in flight, instead of being sent.",
      labelNames: ["subgraph"],
      registers: [registry],
    }),
    subgraphAnswersKept: new Counter({
      name: "csg_gateway_subgraph_answers_kept_total",
      help: "Subgraph requests answered by the kept answer of an identical request at the same revisions, instead of being sent.",
      labelNames: ["subgraph"],
      registers: [registry],
    }),
  };
}
