import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pendingBodies } from "./connection-limits";

/** The largest request body read (CSG_MAX_BODY_BYTES); a larger one is refused with 413. */
export const MAX_BODY_BYTES = Number(process.env.CSG_MAX_BODY_BYTES ?? 1_000_000);

/** Whether a content-type header says JSON: `application/json`, with parameters or not (`; charset=utf-8`), never `application/jsonx`. */
export function isJsonContentType(header: string | undefined | null): boolean {
  // The exact header every client library sends, without building a string (every request asks).
  if (header === "application/json") return true;
  return (header ?? "").split(";")[0].trim().toLowerCase() === "application/json";
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

/** Refuses a body over the limit (413) or over the process's budget for unfinished bodies (503). */
function refuseBody(response: ServerResponse, tooLarge: boolean): void {
  if (tooLarge) {
    const limit = { name: "maxBodyBytes", value: MAX_BODY_BYTES };
    const message = `The request body is over the limit of ${MAX_BODY_BYTES} bytes.`;
    refuse(response, 413, message, { code: "PAYLOAD_TOO_LARGE", limit }, true);
    return;
  }
  const limit = { name: "maxPendingBodyBytes", value: pendingBodies().budget };
  const message = "The server is receiving too many request bodies at once: try again shortly.";
  refuse(response, 503, message, { code: "SERVER_BUSY", limit }, true);
}

/**
 * What reading a body ends with: its text; or `undefined` once it was refused here (413, 503,
 * answered with its code); or an error once the client went away before it was in.
 */
export type BodyRead = (text: string | undefined, clientGone?: Error) => void;

/**
 * Reads the request's body (empty for anything but POST) and calls `done` once. A body past
 * the limit or past the process's budget for unfinished bodies is refused (the rest is left
 * unread, and its connection closed). The bytes held count against the budget until the body
 * is complete or its connection closes. Events and a callback, no promise: a cached answer's
 * whole cost is about this much.
 */
export function readRequestBody(request: IncomingMessage, response: ServerResponse, done: BodyRead): void {
  if (request.method !== "POST") {
    done("");
    return;
  }
  const budget = pendingBodies();
  let size = 0;
  // Nearly every body arrives in one chunk: it is decoded as it is, never copied first.
  let first: Buffer | undefined;
  let more: Buffer[] | undefined;
  let settled = false;
  const settle = () => {
    settled = true;
    budget.giveBack(size);
    first = more = undefined;
  };
  request.on("data", (chunk: Buffer) => {
    if (settled) return;
    const tooLarge = size + chunk.length > MAX_BODY_BYTES;
    if (tooLarge || !budget.take(chunk.length)) {
      settle();
      request.pause();
      refuseBody(response, tooLarge);
      done(undefined);
      return;
    }
    size += chunk.length;
    if (!first) first = chunk;
    else (more ??= [first]).push(chunk);
  });
  request.on("end", () => {
    if (settled) return;
    const text = more ? Buffer.concat(more, size).toString("utf8") : (first?.toString("utf8") ?? "");
    settle();
    done(text);
  });
  // A client gone before its body was in (an error on the stream closes it too): its bytes are given back at once.
  request.on("close", () => {
    if (settled) return;
    settle();
    const error = new Error("the client closed its connection before its request arrived in full");
    done(undefined, Object.assign(error, { code: "ECONNABORTED" }));
  });
}

/**
 * The request's body as text (empty for anything but POST). An oversized body (413) or one
 * over the process's budget (503) is refused here, with its code, and nothing is returned.
 */
export function readRequestText(request: IncomingMessage, response: ServerResponse): Promise<string | undefined> {
  return new Promise((resolve, reject) =>
    readRequestBody(request, response, (text, clientGone) => (clientGone ? reject(clientGone) : resolve(text))),
  );
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
