import { type GatewayPlugin, createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { type QueryPlanOptions, unifiedGraphHandler, useQueryPlan } from "@graphql-hive/router-runtime";
import { listen, type SubgraphService } from "@csg/service-runtime";
import type { GraphQLResponse } from "./system-client";

/** A plan of Hive Router's Rust query planner: its fetches name the subgraphs it sends to. */
export type QueryPlan = Parameters<NonNullable<QueryPlanOptions["onQueryPlan"]>>[0];

export interface RunningHiveGateway {
  url: string;
  /** The query plans the Rust planner made, in order. */
  plans: QueryPlan[];
  stop(): Promise<void>;
}

/**
 * Serves a supergraph on Hive Gateway with Hive Router's Rust query planner
 * (@graphql-hive/router-runtime): the router the supergraph must keep running on when one
 * machine is no longer enough. Hive's default planner rejects this supergraph, so the
 * unified graph handler is the router runtime's. Each subgraph's URL is overridden by name,
 * as a deployment elsewhere would (the supergraph carries the default localhost ports).
 */
export async function startHiveGateway(options: {
  supergraphSdl: string;
  subgraphs: Pick<SubgraphService, "name" | "url">[];
  port?: number;
}): Promise<RunningHiveGateway> {
  const plans: QueryPlan[] = [];
  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    unifiedGraphHandler,
    transportEntries: Object.fromEntries(options.subgraphs.map((s) => [s.name, { location: s.url }])),
    // The router runtime's typings bundle their own copy of Hive's Logger type, which
    // TypeScript then holds to differ from the gateway runtime's: the plugin is the same.
    // As our gateway does: a partnership's subgraph authorises its own writes.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }),
    },
    plugins: () => [useQueryPlan({ onQueryPlan: (plan) => plans.push(plan) }) as unknown as GatewayPlugin],
    logging: false,
  });
  const http = await listen(options.port ?? 0, runtime);
  return {
    url: `http://localhost:${http.port}/graphql`,
    plans,
    async stop() {
      await http.stop();
      await runtime.dispose();
    },
  };
}

/** POSTs a GraphQL operation to a running Hive Gateway, with the answer's HTTP status. */
export async function queryHiveGateway(
  hive: RunningHiveGateway,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse & { status: number }> {
  const response = await fetch(hive.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await response.json()) as GraphQLResponse), status: response.status };
}
