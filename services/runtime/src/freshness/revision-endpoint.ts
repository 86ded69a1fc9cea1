import type { IncomingMessage, ServerResponse } from "node:http";
import { REVISION_PATH } from "./revision";

/**
 * `GET <base>/revision` beside a subgraph's GraphQL endpoint: `{"revision":"..."}`, read from
 * its database at the moment of the request, so a cache that asks after a write has
 * committed always sees it. Public: a revision says only that something changed, which
 * `lastPublishedAt` says already. Returns false for any other request.
 */
export function answerRevision(request: IncomingMessage, response: ServerResponse, revision: () => string): boolean {
  if (request.method !== "GET") return false;
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (!path.endsWith(`/${REVISION_PATH}`)) return false;
  response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify({ revision: revision() }));
  return true;
}
