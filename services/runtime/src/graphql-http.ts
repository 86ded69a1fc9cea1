import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The largest request body read (CSG_MAX_BODY_BYTES); a larger one is refused with 413. */
export const MAX_BODY_BYTES = Number(process.env.CSG_MAX_BODY_BYTES ?? 1_000_000);

class BodyTooLarge extends Error {}

/** The body as text; BodyTooLarge once it passes the limit (the rest is left unread). Events, not `for await`: a cached answer's whole cost is about this much. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off("data", onData);
      request.pause();
      reject(new BodyTooLarge());
    };
    request.on("data", onData);
    request.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.once("error", reject);
  });
}

/** A refusal before GraphQL is reached, in GraphQL's error shape with a code. */
function refuse(response: ServerResponse, status: number, message: string, extensions: Record<string, unknown>, close = false): void {
  if (response.headersSent || response.destroyed) return;
  // Closing: the rest of an oversized body is not read.
  response.writeHead(status, { "content-type": "application/json", ...(close ? { connection: "close" } : {}) });
  response.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

/**
 * Reads one HTTP request as Apollo Server takes it (headers, query string, body parsed when
 * JSON). An oversized body (413) or invalid JSON (400) is refused here, with its code, and
 * nothing is returned.
 */
export async function readGraphQLRequest(request: IncomingMessage, response: ServerResponse): Promise<HTTPGraphQLRequest | undefined> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  let text = "";
  try {
    text = request.method === "POST" ? await readBody(request) : "";
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    const limit = { name: "maxBodyBytes", value: MAX_BODY_BYTES };
    refuse(response, 413, `The request body is over the limit of ${MAX_BODY_BYTES} bytes.`, { code: "PAYLOAD_TOO_LARGE", limit }, true);
    return undefined;
  }
  let body: unknown = text;
  if (headers.get("content-type")?.startsWith("application/json") && text) {
    try {
      body = JSON.parse(text);
    } catch (error) {
      refuse(response, 400, `The request body is not valid JSON (${(error as Error).message}).`, { code: "BAD_REQUEST" });
      return undefined;
    }
  }
  const target = request.url ?? "/";
  const query = target.indexOf("?");
  return { method: request.method ?? "GET", headers, search: query === -1 ? "" : target.slice(query), body };
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
