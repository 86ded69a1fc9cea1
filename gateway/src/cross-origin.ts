/**
 * Requests from other origins. A dashboard served from another origin may call the endpoint
 * when the operator lists that origin (CORS; none by default). Queries may come by GET, as
 * ordinary clients (urql, a link in a browser) send them; Apollo Server runs no mutation
 * over GET, and a POST must be JSON, which a browser never sends cross-origin without a
 * preflight: a form on another site cannot make the gateway write (CSRF).
 */
import { isJsonContentType } from "@csg/service-runtime";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The environment variable that lists the origins allowed to call the gateway, comma-separated. */
export const CORS_ORIGINS = "CSG_CORS_ORIGINS";

export const corsOriginsFrom = (list: string | undefined): string[] =>
  (list ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);

/**
 * Adds the CORS headers for an allowed origin; answers a preflight (OPTIONS) itself.
 * Returns true when the request has been answered.
 */
export function answerCrossOrigin(
  request: IncomingMessage,
  response: ServerResponse,
  allowedOrigins: readonly string[],
): boolean {
  const origin = request.headers.origin;
  const allowed = origin !== undefined && (allowedOrigins.includes(origin) || allowedOrigins.includes("*"));
  if (allowed) {
    response.setHeader("access-control-allow-origin", origin);
    response.setHeader("vary", "origin");
  }
  if (request.method !== "OPTIONS") return false;
  if (allowed) {
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader(
      "access-control-allow-headers",
      "authorization, content-type, apollo-require-preflight, x-apollo-operation-name",
    );
    response.setHeader("access-control-max-age", "600");
  }
  response.writeHead(allowed ? 204 : 403);
  response.end();
  return true;
}

/**
 * Refuses a POST that is not JSON (what an HTML form or a "simple" cross-origin request
 * sends) before it reaches GraphQL. Returns true when the request has been answered.
 */
export function refuseSimplePost(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "POST" || isJsonContentType(request.headers["content-type"])) return false;
  response.writeHead(415, { "content-type": "application/json" });
  response.end(
    JSON.stringify({
      errors: [
        {
          message: 'A GraphQL POST must have "content-type: application/json".',
          extensions: { code: "UNSUPPORTED_MEDIA_TYPE" },
        },
      ],
    }),
  );
  return true;
}
