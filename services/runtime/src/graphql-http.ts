import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pendingBodies } from "./connection-limits";

/** The largest request body read (CSG_MAX_BODY_BYTES); a larger one is refused with 413. */
export const MAX_BODY_BYTES = Number(process.env.CSG_MAX_BODY_BYTES ?? 1_000_000);

class BodyTooLarge extends Error {}

/** Whether a content-type header says JSON: `application/json`, with parameters or not (`; charset=utf-8`), never `application/jsonx`. */
export function isJsonContentType(header: string | undefined | null): boolean {
  // The exact header every client library sends, without building a string (every request asks).
  if (header === "application/json") return true;
  return (header ?? "").split(";")[0].trim().toLowerCase() === "application/json";
}

class ServerBusy extends Error {}

/**
 * The body as text; BodyTooLarge once it passes the limit, ServerBusy once the process's
 * unfinished bodies would pass their budget (the rest is left unread, and its connection
 * closed). The bytes held count against the budget until the body is complete or its
 * connection closes. Events, not `for await`: a cached answer's whole cost is about this much.
 */
function readBody(request: IncomingMessage): Promise<string> {
  const budget = pendingBodies();
  return new Promise((resolve, reject) => {
    let size = 0;
    let chunks: Buffer[] = [];
    const settle = () => {
      budget.giveBack(size);
      chunks = [];
      request.off("data", onData);
      request.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > MAX_BODY_BYTES || !budget.take(chunk.length)) {
        const tooLarge = size + chunk.length > MAX_BODY_BYTES;
        settle();
        request.pause();
        return reject(tooLarge ? new BodyTooLarge() : new ServerBusy());
      }
      size += chunk.length;
      chunks.push(chunk);
    };
    // A client gone before its body was in: its bytes are given back at once.
    const onClose = () => {
      settle();
      reject(
        Object.assign(new Error("the client closed its connection before its request arrived in full"), {
          code: "ECONNABORTED",
        }),
      );
    };
    request.on("data", onData);
    request.on("close", onClose);
    request.once("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      settle();
      resolve(text);
    });
    request.once("error", (error) => {
      settle();
      reject(error);
    });
  });
}

/** A refusal before GraphQL is reached, in GraphQL's error shape with a code. */
function refuse(
  response: ServerResponse,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
  close = false,
): void {
  if (response.headersSent || response.destroyed) return;
  // Closing: the rest of an oversized body is not read.
  response.writeHead(status, { "content-type": "application/json", ...(close ? { connection: "close" } : {}) });
  response.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

/**
 * The request's body as text (empty for anything but POST). An oversized body (413) or one
 * over the process's budget (503) is refused here, with its code, and nothing is returned.
 */
export async function readRequestText(request: IncomingMessage, response: ServerResponse): Promise<string | undefined> {
  if (request.method !== "POST") return "";
  try {
    return await readBody(request);
  } catch (error) {
    if (error instanceof ServerBusy) {
      const limit = { name: "maxPendingBodyBytes", value: pendingBodies().budget };
      refuse(
        response,
        503,
        "The server is receiving too many request bodies at once: try again shortly.",
        { code: "SERVER_BUSY", limit },
        true,
      );
      return undefined;
    }
    if (!(error instanceof BodyTooLarge)) throw error;
    const limit = { name: "maxBodyBytes", value: MAX_BODY_BYTES };
    refuse(
      response,
      413,
      `The request body is over the limit of ${MAX_BODY_BYTES} bytes.`,
      { code: "PAYLOAD_TOO_LARGE", limit },
      true,
    );
    return undefined;
  }
}

/**
 * One HTTP request, its body already read as `text`, as Apollo Server takes it (headers,
 * query string, body parsed when JSON). Invalid JSON is refused (400) and nothing returned.
 */
export function graphQLRequestOf(
  request: IncomingMessage,
  text: string,
  response: ServerResponse,
): HTTPGraphQLRequest | undefined {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  let body: unknown = text;
  if (isJsonContentType(headers.get("content-type")) && text) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      refuse(response, 400, `The request body is not valid JSON (${(error as Error).message}).`, {
        code: "BAD_REQUEST",
      });
      return undefined;
    }
  }
  const target = request.url ?? "/";
  const query = target.indexOf("?");
  return { method: request.method ?? "GET", headers, search: query === -1 ? "" : target.slice(query), body };
}

/**
 * Reads one HTTP request as Apollo Server takes it (headers, query string, body parsed when
 * JSON). An oversized body (413) or invalid JSON (400) is refused here, with its code, and
 * nothing is returned.
 */
export async function readGraphQLRequest(
  request: IncomingMessage,
  response: ServerResponse,
): Promise<HTTPGraphQLRequest | undefined> {
  const text = await readRequestText(request, response);
  return text === undefined ? undefined : graphQLRequestOf(request, text, response);
}

/** Hands one HTTP request to Apollo Server (its framework-neutral integration API). */
export async function handleGraphQL<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  context: () => Promise<TContext>,
): Promise<void> {
  const httpGraphQLRequest = await readGraphQLRequest(request, response);
  if (!httpGraphQLRequest) return;
  const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context });
  const responseHeaders: Record<string, string> = {};
  for (const [key, value] of result.headers) responseHeaders[key] = value;
  if (response.destroyed) return; // the client went away while the answer was prepared
  response.writeHead(result.status ?? 200, responseHeaders);
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
