/**
 * The browser pages served by the gateway: the county overview (GET /), a partnership's
 * page and its printable briefing (GET /partnerships/<code>[/briefing]), the offline query
 * explorer (GET /graphql asking for text/html), and their bundled assets (GET /assets/...).
 * Each page is a small HTML shell; its script reads everything from the public /graphql.
 * A partnership this gateway does not serve answers 404 with the ones it does. The pages are
 * built ahead of time (package @csg/pages); the gateway only serves their dist folder.
 */
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { assertPagesBuilt, pagesDist } from "@csg/pages/built-pages";

type PageName = "overview" | "partnership" | "briefing" | "explorer";

/** A partnership the gateway serves, as its pages link to it. */
export interface PagePartnership {
  code: string;
  name: string;
  countyBoardMember: boolean;
}

const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
};

// Scripts only from this gateway and data only from its own /graphql; styles may be set
// inline (the chart and editor libraries set them).
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const titles: Record<PageName, string> = {
  overview: "Leicestershire community safety: county overview",
  partnership: "Community safety partnership",
  briefing: "Scrutiny briefing",
  explorer: "Community Safety Graph: query explorer",
};

function shell(page: PageName): string {
  const navigation =
    page === "briefing"
      ? ""
      : `<header class="site"><a class="skip" href="#main">Skip to content</a>
<nav aria-label="Site"><a href="/">County overview</a> <a href="/graphql">Query explorer</a></nav></header>`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${titles[page]}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${page}.css">
<script type="module" src="/assets/${page}.js"></script>
</head>
<body class="page-${page}">
${navigation}
<main id="main" tabindex="-1"><p class="loading" role="status">Loading ...</p></main>
<noscript><p>These pages need JavaScript. The same data is at <a href="/graphql">/graphql</a>.</p></noscript>
</body>
</html>
`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** GET /partnerships/<unknown>: no script, the partnerships there are as links. */
function notFoundPage(asked: string, partnerships: PagePartnership[]): string {
  const list = (members: boolean) =>
    partnerships
      .filter((p) => p.countyBoardMember === members)
      .map((p) => `<li><a href="/partnerships/${escapeHtml(p.code)}">${escapeHtml(p.name)}</a></li>`)
      .join("\n");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>No such partnership</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/partnership.css">
</head>
<body class="page-not-found">
<header class="site"><a class="skip" href="#main">Skip to content</a>
<nav aria-label="Site"><a href="/">County overview</a> <a href="/graphql">Query explorer</a></nav></header>
<main id="main" tabindex="-1">
<h1>No partnership "${escapeHtml(asked)}"</h1>
<p>This graph has no partnership with that code. The partnerships it has:</p>
<h2>Members of the county board</h2>
<ul class="partnership-list" id="board-members">
${list(true)}
</ul>
<h2>Outside the county board (peers in the police force area)</h2>
<ul class="partnership-list" id="outside-board">
${list(false)}
</ul>
<p>Or start from the <a href="/">county overview</a>.</p>
</main>
</body>
</html>
`;
}

type Answer = { page: PageName } | { notFound: string };

function answerFor(request: IncomingMessage, path: string, known: Set<string>): Answer | undefined {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  if (path === "/") return { page: "overview" };
  const partnership = /^\/partnerships\/([^/]+)(\/briefing)?\/?$/.exec(path);
  if (partnership) {
    let code: string;
    try {
      code = decodeURIComponent(partnership[1]);
    } catch {
      code = partnership[1];
    }
    if (!known.has(code)) return { notFound: code.length > 80 ? `${code.slice(0, 80)}...` : code };
    return { page: partnership[2] ? "briefing" : "partnership" };
  }
  // A browser opening /graphql gets the explorer; every GraphQL client (POST, or GET
  // asking for JSON) still reaches GraphQL.
  if (path === "/graphql" && (request.headers.accept ?? "").includes("text/html")) return { page: "explorer" };
  return undefined;
}

function serveAsset(path: string, response: ServerResponse): void {
  const file = normalize(join(pagesDist, path.slice("/assets/".length)));
  const type = contentTypes[extname(file)];
  if (!file.startsWith(pagesDist + "/") || !type || !existsSync(file)) {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found\n");
    return;
  }
  response.writeHead(200, { "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff" });
  response.end(readFileSync(file));
}

/**
 * Checks the pages are built (else says to run `pnpm build:pages`); returns the handler (true when it answered).
 * `partnerships` are the ones this gateway serves: any other code's page is a 404.
 */
export async function preparePages(
  partnerships: PagePartnership[],
): Promise<(request: IncomingMessage, response: ServerResponse, path: string) => boolean> {
  assertPagesBuilt();
  const known = new Set(partnerships.map((p) => p.code));
  return (request, response, path) => {
    if (path.startsWith("/assets/") && request.method === "GET") {
      serveAsset(path, response);
      return true;
    }
    const answer = answerFor(request, path, known);
    if (!answer) return false;
    response.writeHead("page" in answer ? 200 : 404, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": contentSecurityPolicy,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    const body = "page" in answer ? shell(answer.page) : notFoundPage(answer.notFound, partnerships);
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  };
}
