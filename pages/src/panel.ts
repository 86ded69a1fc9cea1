/** A section of a page, with "the query behind this" (the GraphQL the panel ran). */
import { type Html, html } from "./escape";

export interface PanelOptions {
  id: string;
  title: string;
  body: Html;
  query?: string;
  variables?: Record<string, unknown>;
  intro?: string | Html;
  level?: 2 | 3;
}

export function queryBehind(query: string, variables?: Record<string, unknown>): Html {
  const hasVariables = variables && Object.keys(variables).length > 0;
  return html`<details class="query"><summary>The query behind this</summary>
<p>POST it to <code>/graphql</code> (or paste it into the <a href="/graphql">query explorer</a>).</p>
<pre><code>${query.trim()}</code></pre>${hasVariables ? html`<p>Variables:</p><pre><code>${JSON.stringify(variables, null, 2)}</code></pre>` : ""}</details>`;
}

export function panel(options: PanelOptions): Html {
  const heading =
    options.level === 3
      ? html`<h3 id="${options.id}-title">${options.title}</h3>`
      : html`<h2 id="${options.id}-title">${options.title}</h2>`;
  return html`<section class="panel" id="${options.id}" aria-labelledby="${options.id}-title">
${heading}${options.intro ? html`<p class="intro">${options.intro}</p>` : ""}
${options.body}
${options.query ? queryBehind(options.query, options.variables) : ""}
</section>`;
}

export function problemsNotice(errors: { message: string; extensions?: { code?: string } }[]): Html {
  if (!errors.length) return html``;
  return html`<div class="notice warning" role="alert"><p>Part of this page could not be read:</p><ul>${errors.map(
    (e) => html`<li>${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ""}</li>`,
  )}</ul></div>`;
}
