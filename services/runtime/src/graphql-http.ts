import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1_000_000;

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Hands one HTTP request to Apollo Server (its framework-neutral integration API). */
export async function handleGraphQL<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  request: IncomingMessage,
  response: ServerResponse,
  context: () => Promise<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const text = request.method === "POST" ? await readBody(request) : "";
  let body: unknown = text;
  if (headers.get("content-type")?.startsWith("application/json") && text) {
    try {
      body = JSON.parse(text);
    } catch {
      response.writeHead(400, { "content-type": "application/json" });
      response.end(JSON.stringify({ errors: [{ message: "The request body is not valid JSON." }] }));
      return;
    }
  }
  const url = new URL(request.url ?? "/", "http://localhost");
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
    context,
  });
  const responseHeaders: Record<string, string> = {};
  for (const [key, value] of result.headers) responseHeaders[key] = value;
  response.writeHead(result.status ?? 200, responseHeaders);
  if (result.body.kind === "complete") {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
