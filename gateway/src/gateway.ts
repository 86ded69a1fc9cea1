import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { handleGraphQL, listen, replyWithError } from "@csg/service-runtime";
import type { GatewayContext } from "./context";
import { answerCrossOrigin, refuseSimplePost } from "./cross-origin";
import { checkHealth } from "./health";
import { preparePages } from "./pages";
import { SubgraphSource } from "./subgraph-source";
import type { SubgraphService } from "@csg/service-runtime";

export interface GatewayOptions {
  port: number;
  /** The committed supergraph (schema/generated/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph listens; overrides the URLs written in the supergraph. */
  subgraphs: SubgraphService[];
  /** Origins whose pages may call the gateway (CORS); none when absent. */
  corsOrigins?: string[];
}

export interface RunningGateway {
  url: string;
  healthUrl: string;
  stop(): Promise<void>;
}

/** Serves the supergraph: GraphQL at /graphql, and GET /health for the gateway and every subgraph. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const byName = new Map(options.subgraphs.map((s) => [s.name, s]));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const service = byName.get(name);
      return new SubgraphSource(name, service?.label ?? name, service?.url ?? url ?? "");
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // the launcher owns signals: it stops the subgraphs too
    csrfPrevention: false, // queries by GET are allowed; see cross-origin.ts for how writes stay safe
  });
  await server.start();
  const servePage = await preparePages();

  const corsOrigins = options.corsOrigins ?? [];
  const http = await listen(options.port, (request, response) => {
    if (answerCrossOrigin(request, response, corsOrigins)) return;
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/health" && request.method === "GET") {
      void checkHealth(options.subgraphs).then((health) => {
        response.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json" });
        response.end(JSON.stringify(health, null, 2));
      });
      return;
    }
    if (servePage(request, response, path)) return;
    if (path === "/graphql") {
      if (refuseSimplePost(request, response)) return;
      const authorization = request.headers.authorization;
      handleGraphQL(server, request, response, async () => ({ authorization })).catch((error: Error) => replyWithError(response, error));
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found: GraphQL is at /graphql, health at /health\n");
  });
  return {
    url: `http://localhost:${http.port}/graphql`,
    healthUrl: `http://localhost:${http.port}/health`,
    async stop() {
      await http.stop();
      await server.stop();
    },
  };
}
