/** The example queries of schema/API.md (```graphql blocks that are not mutations), each with the sentence before it. */
export interface ExampleQuery {
  title: string;
  query: string;
}

export function apiExampleQueries(apiReference: string): ExampleQuery[] {
  const examples: ExampleQuery[] = [];
  const block = /```graphql\n([\s\S]*?)```/g;
  for (let match = block.exec(apiReference); match; match = block.exec(apiReference)) {
    const query = match[1].trim();
    if (/^mutation\b/.test(query)) continue; // the explorer opens on reads; writes need a token
    const before = apiReference.slice(0, match.index).trimEnd().split("\n");
    // The paragraph just before the block.
    const paragraph: string[] = [];
    for (const line of [...before].reverse()) {
      if (!line.trim()) {
        if (paragraph.length) break;
        continue;
      }
      if (line.startsWith("```")) break;
      paragraph.unshift(line.trim());
    }
    const title = paragraph.join(" ") || "Example";
    const cleanTitle = title.replace(/[*`#]/g, "").replace(/:$/, "");
    examples.push({ title: cleanTitle, query: named(query, cleanTitle) });
  }
  return examples;
}

/** An anonymous `{ ... }` gets a name from its sentence, so the explorer's tabs say what each is. */
function named(query: string, title: string): string {
  if (!query.startsWith("{")) return query;
  const name = title
    .replace(/['’]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("");
  return name ? `query ${/^[0-9]/.test(name) ? `Q${name}` : name} ${query}` : query;
}
