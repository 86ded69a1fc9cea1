/**
 * GET /graphql in a browser: GraphiQL, bundled with the project (nothing from a CDN), opening
 * with the example queries of schema/API.md, each in its own tab, querying this gateway.
 */
import "graphiql/graphiql.css";
import "../styles/explorer.css";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import type { ExampleQuery } from "../../api-examples";

declare const __API_EXAMPLES__: ExampleQuery[];

const examples = __API_EXAMPLES__;
const tabs = examples.map((example) => ({ query: `# ${example.title}\n${example.query}\n` }));
// Plain POSTs to this gateway's /graphql (the system serves no subscriptions).
const fetcher = async (params: unknown) => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
};
const main = document.getElementById("main")!;
main.textContent = "";
createRoot(main).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: tabs.length ? tabs : undefined,
    defaultQuery: tabs[0]?.query,
    // The API reference's examples, not what an earlier visit left in this browser's storage.
    storage: sessionStorage,
    shouldPersistHeaders: false,
  }),
);
