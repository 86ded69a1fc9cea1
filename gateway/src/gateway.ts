import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginUsageReportingDisabled } from "@apollo/server/plugin/disabled";
import { listen } from "@csg/service-runtime";
import type { GatewayContext } from "./context";
import { answerCrossOrigin, refuseSimplePost } from "./cross-origin";
import { checkHealth } from "./health";
import { preparePages } from "./pages";
import { type FreshnessOptions, resolveFreshness } from "./freshness/freshness-options";
import { KeptSubgraphAnswers } from "./freshness/kept-subgraph-answers";
import { graphqlEndpoint } from "./graphql-endpoint";
import { InFlightAnswers } from "./freshness/in-flight-answers";
import { ResponseCache } from "./freshness/response-cache";
import { type LocalDatabase, RevisionWatch } from "./freshness/revision-watch";
import { gatewayMetrics } from "./observability/metrics";
import { gatewayLogger } from "./observability/request-log";
import { InFlightSubgraphRequests } from "./subgraph-deduplication";
import { SubgraphSource } from "./subgraph-source";
import { ruleCodeOf, operationLimitRules, parseOptions } from "./operation-limits";
import { type OperationLimits, operationLimits } from "./operation-limit-settings";
import { type SubgraphTimeouts, subgraphTimeouts, timeoutOf } from "./subgraph-timeouts";
import { calendarDatesPlugin, calendarDatesRule } from "./calendar-dates";
import { entityTypesOf } from "./entity-nesting";
import { guardPlanning } from "./planning-guard";
import { operationNamePlugin } from "./operation-name";
import { exposeInternalAddresses, publicHealth } from "./public-health";
import type { SubgraphService, Supervision } from "@csg/service-runtime";
import { findPartnership } from "@csg/schema";
import { quoteBriefly } from "./error-quotes";
import { subscriptionsRefusedPlugin } from "./subscriptions";

export interface GatewayOptions {
  port: number;
  /** The committed supergraph (schema/generated/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph listens; overrides the URLs written in the supergraph. */
  subgraphs: Pick<SubgraphService, "name" | "label" | "url" | "partnership">[];
  /** Origins whose pages may call the gateway (CORS); none when absent. */
  corsOrigins?: string[];
  /** Operation limits (defaults in operation-limits.ts; CSG_LIMIT_* override). */
  limits?: Partial<OperationLimits>;
  /** Subgraph timeouts and the request deadline (CSG_SUBGRAPH_TIMEOUT_MS... override). */
  timeouts?: Partial<SubgraphTimeouts>;
  /** Show subgraph addresses in errors and /health (default: CSG_EXPOSE_INTERNAL_ADDRESSES=1, else no). */
  exposeInternalAddresses?: boolean;
  /** The launcher's account of each process, the gateway's own included (restarts), shown in /health. */
  supervision?: Supervision;
  /** Response cache and in-flight deduplication (both on by default). */
  freshness?: FreshnessOptions;
  /** SQLite files of the subgraphs this machine runs, by subgraph name: their revisions are read there, not over HTTP. */
  localDatabases?: Map<string, LocalDatabase>;
}

export interface RunningGateway {
  url: string;
  healthUrl: string;
  stop(): Promise<void>;
}

/** Serves the supergraph: GraphQL at /graphql, and GET /health for the gateway and every subgraph. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const byName = new Map(options.subgraphs.map((s) => [s.name, s]));
  const limits = operationLimits(options.limits);
  const timeouts = subgraphTimeouts(options.timeouts);
  const exposeAddresses = options.exposeInternalAddresses ?? exposeInternalAddresses();
  const freshness = resolveFreshness(options.freshness);
  const metrics = gatewayMetrics();
  const kept = freshness.subgraphAnswers ? new KeptSubgraphAnswers(freshness.subgraphAnswersMaxBytes) : undefined;
  // @apollo/gateway otherwise starts an OpenTelemetry exporter to Apollo whose resource
  // detectors probe cloud metadata addresses: nothing here may call out of the machine.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // The planner's own bound on the options it weighs (see operation-limits.ts, maxPlanOptions).
    queryPlannerConfig: { debug: { pathsLimit: limits.maxPlanOptions } },
    buildService: ({ name, url }) => {
      const service = byName.get(name);
      const inFlight = new InFlightSubgraphRequests(name, freshness.deduplication, metrics, kept);
      return new SubgraphSource(
        name,
        service?.label ?? name,
        service?.url ?? url ?? "",
        timeoutOf(timeouts, name),
        exposeAddresses,
        inFlight,
        timeouts.writeBackstopMs,
      );
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway: guardPlanning(gateway, limits.maxPlanOptions),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // the launcher owns signals: it stops the subgraphs too
    csrfPrevention: false, // queries by GET are allowed; see cross-origin.ts for how writes stay safe
    validationRules: [...operationLimitRules(limits, entityTypesOf(options.supergraphSdl)), calendarDatesRule],
    parseOptions: parseOptions(limits),
    // Never report to Apollo, even with APOLLO_KEY set.
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      operationNamePlugin(),
      subscriptionsRefusedPlugin(),
      calendarDatesPlugin(),
    ],
    // Compact JSON: Apollo's default indents every answer (a dashboard's grows by a third, and its stringifying costs more).
    stringifyResult: JSON.stringify,
    formatError: (formatted, error) => {
      const rule = ruleCodeOf(error);
      const message = quoteBriefly(rule?.message ?? formatted.message);
      return rule
        ? { ...formatted, message, extensions: { ...formatted.extensions, ...rule.extensions } }
        : { ...formatted, message };
    },
  });
  await server.start();
  // The partnerships this gateway serves, named as the registry names them.
  const servedPartnerships = options.subgraphs.flatMap((s) => {
    const entry = s.partnership ? findPartnership(s.partnership) : undefined;
    return entry ? [{ code: entry.code, name: entry.name, countyBoardMember: entry.countyBoardMember }] : [];
  });
  const servePage = await preparePages(servedPartnerships);
  const serveGraphQL = graphqlEndpoint({
    server,
    cache: freshness.responseCache ? new ResponseCache({ maxBytes: freshness.cacheMaxBytes }) : null,
    revisions:
      freshness.responseCache || freshness.deduplication || freshness.subgraphAnswers
        ? new RevisionWatch({ subgraphs: options.subgraphs, localDatabases: options.localDatabases })
        : null,
    inFlight: freshness.deduplication ? new InFlightAnswers() : null,
    metrics,
    logger: gatewayLogger(),
    deadlineMs: timeouts.requestDeadlineMs,
  });

  const corsOrigins = options.corsOrigins ?? [];
  const http = await listen(options.port, (request, response) => {
    if (answerCrossOrigin(request, response, corsOrigins)) return;
    // The endpoint's own address needs no parsing (the common case, a cached answer's too).
    const path = request.url === "/graphql" ? "/graphql" : new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/health" && request.method === "GET") {
      void checkHealth(options.subgraphs).then((checked) => {
        const health = publicHealth(checked, exposeAddresses, options.supervision);
        response.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json" });
        response.end(JSON.stringify(health, null, 2));
      });
      return;
    }
    if (servePage(request, response, path)) return;
    if (path === "/metrics" && request.method === "GET") {
      void metrics.registry.metrics().then((text) => {
        response.writeHead(200, { "content-type": metrics.registry.contentType });
        response.end(text);
      });
      return;
    }
    if (path === "/graphql") {
      if (refuseSimplePost(request, response)) return;
      serveGraphQL(request, response);
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found: GraphQL is at /graphql, health at /health, metrics at /metrics\n");
  });
  return {
    url: `${http.scheme}://localhost:${http.port}/graphql`,
    healthUrl: `${http.scheme}://localhost:${http.port}/health`,
    async stop() {
      await http.stop();
      await server.stop();
    },
  };
}
