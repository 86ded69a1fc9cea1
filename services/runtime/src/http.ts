import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handleGraphQL } from "./graphql-http";
import { answerRevision } from "./freshness/revision-endpoint";

export interface ServedHttp {
  port: number;
  stop(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 and hands each request to `handle`. Stopping closes every
 * connection at once, keep-alive ones included, so a service stops promptly.
 */
export async function listen(
  port: number,
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<ServedHttp> {
  const http = createServer(handle);
  // Idle keep-alive connections are closed by the client first (the gateway's agents drop
  // them within seconds): a server closing one just as a client reuses it ("socket hang
  // up") would fail a request that was never received.
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, "127.0.0.1", resolve);
  });
  return {
    port: (http.address() as AddressInfo).port,
    async stop() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}

/** Replies to a request the handler failed on, without leaking a stack trace. */
export function replyWithError(response: ServerResponse, error: Error): void {
  if (!response.headersSent) response.writeHead(400, { "content-type": "application/json" });
  response.end(JSON.stringify({ errors: [{ message: error.message }] }));
}

export interface ServedSubgraph {
  url: string;
  stop(): Promise<void>;
}

/** Serves a subgraph schema over HTTP (any path), with a fresh context per request. */
export async function serveSubgraph<TContext extends BaseContext>(
  schema: GraphQLSchema,
  port: number,
  context: (request: IncomingMessage) => Promise<TContext>,
  /** The database's revision, answered at GET /revision for the gateway's and the county's caches. */
  revision?: () => string,
): Promise<ServedSubgraph> {
  const server = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // signals belong to the process (onShutdown)
    plugins: [ApolloServerPluginInlineTraceDisabled()], // no Apollo Studio here
  });
  await server.start();
  const http = await listen(port, (request, response) => {
    if (revision && answerRevision(request, response, revision)) return;
    handleGraphQL(server, request, response, () => context(request)).catch((error: Error) => replyWithError(response, error));
  });
  return {
    url: `http://localhost:${http.port}/graphql`,
    async stop() {
      await http.stop();
      await server.stop();
    },
  };
}
