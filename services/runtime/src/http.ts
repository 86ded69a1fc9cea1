import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { surviveConnectionErrors } from "./connection-errors";
import { connectionLimits, rawRefusal } from "./connection-limits";
import { handleGraphQL } from "./graphql-http";
import { listenHost } from "./options";
import { answerRevision } from "./freshness/revision-endpoint";
import { serverTls } from "./service-tls";

export interface ServedHttp {
  port: number;
  /** "https" when the service has a certificate (CSG_TLS_CERT, CSG_TLS_KEY). */
  scheme: "http" | "https";
  stop(): Promise<void>;
}

/**
 * Listens on `host` and hands each request to `handle`. Stopping closes every connection at
 * once, keep-alive ones included, so a service stops promptly.
 */
export async function listen(
  port: number,
  handle: (request: IncomingMessage, response: ServerResponse) => void,
  host = listenHost(),
): Promise<ServedHttp> {
  surviveConnectionErrors();
  const limits = connectionLimits();
  const tls = serverTls();
  // A TLS handshake that never completes is dropped within the header timeout (Node's default: 120 s).
  const create = tls
    ? (options: object, listener: Parameters<typeof createServer>[1]) =>
        createHttpsServer({ ...options, ...tls, handshakeTimeout: limits.headerTimeoutMs }, listener)
    : createServer;
  const http = create(
    {
      // Node refuses a header timeout longer than the whole request's.
      headersTimeout: Math.min(limits.headerTimeoutMs, limits.bodyTimeoutMs),
      requestTimeout: limits.bodyTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Node checks the two timeouts above this often (30 s by default).
      connectionsCheckingInterval: 1000,
    },
    (request, response) => {
      // A client that resets its connection is an error on these streams, never an uncaught one.
      request.on("error", () => response.destroy());
      response.on("error", () => request.destroy());
      handle(request, response);
    },
  );
  // A request Node refused itself: answered with its status and a code, where it was closed without a word.
  http.on("clientError", (error: Error & { code?: string }, socket) => {
    // Answered, then closed whatever the client still sends.
    const refuse = (text: string) => socket.end(text, () => socket.destroy());
    const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !response?.headersSent) {
      if (error.code === "HPE_HEADER_OVERFLOW") {
        const limit = { name: "maxHeaderBytes", value: limits.maxHeaderBytes };
        refuse(
          rawRefusal(
            431,
            "Request Header Fields Too Large",
            `The request's headers are over the limit of ${limits.maxHeaderBytes} bytes.`,
            "HEADERS_TOO_LARGE",
            limit,
          ),
        );
        return;
      }
      if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
        // No response yet: the headers never came in full.
        const limit = response
          ? { name: "bodyTimeoutMs", value: limits.bodyTimeoutMs }
          : { name: "headerTimeoutMs", value: limits.headerTimeoutMs };
        const what = response ? "request" : "request's headers";
        refuse(
          rawRefusal(
            408,
            "Request Timeout",
            `The ${what} did not arrive in full within ${limit.value / 1000} s.`,
            "REQUEST_TIMEOUT",
            limit,
          ),
        );
        return;
      }
    }
    socket.destroy();
  });
  // An idle keep-alive connection's timeout may fire as a busy or stopped process resumes,
  // before it reads a request already waiting on that connection: closed then, the request
  // was lost with a reset (a write the gateway sent, refused as ECONNRESET). Closed only if
  // still idle once waiting input has been read (setImmediate runs after the poll phase).
  http.on("timeout", (socket: Socket) => {
    setImmediate(() => {
      if (!(socket as { _httpMessage?: unknown })._httpMessage) socket.destroy();
    });
  });
  // Idle keep-alive connections are closed by the client first (the gateway's agents drop
  // them within seconds): a server closing one just as a client reuses it ("socket hang
  // up") would fail a request that was never received.
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, resolve);
  });
  return {
    port: (http.address() as AddressInfo).port,
    scheme: tls ? "https" : "http",
    async stop() {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
    },
  };
}

/** Replies to a request the handler failed on, without leaking a stack trace. */
export function replyWithError(response: ServerResponse, error: Error): void {
  if (response.destroyed || response.writableEnded) return;
  if (!response.headersSent) response.writeHead(400, { "content-type": "application/json" });
  response.end(JSON.stringify({ errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] }));
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
    stringifyResult: JSON.stringify, // compact: Apollo's default indents, a third more bytes for the gateway to read
  });
  await server.start();
  const http = await listen(port, (request, response) => {
    if (revision && answerRevision(request, response, revision)) return;
    handleGraphQL(server, request, response, () => context(request)).catch((error: Error) =>
      replyWithError(response, error),
    );
  });
  return {
    url: `${http.scheme}://localhost:${http.port}/graphql`,
    async stop() {
      await http.stop();
      await server.stop();
    },
  };
}
