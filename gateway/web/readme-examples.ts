/** The README's example queries (```graphql blocks that are not mutations), each with the sentence before it. */
export interface ExampleQuery {
  title: string;
  query: string;
}

export function readmeExampleQueries(readme: string): ExampleQuery[] {
  const examples: ExampleQuery[] = [];
  const block = /```graphql\n([\s\S]*?)```/g;
  for (let match = block.exec(readme); match; match = block.exec(readme)) {
    const query = match[1].trim();
    if (/^mutation\b/.test(query)) continue; // the explorer opens on reads; writes need a token
    const before = readme.slice(0, match.index).trimEnd().split("\n");
    const title = [...before].reverse().find((line) => line.trim() && !line.startsWith("```"))?.trim() ?? "Example";
    examples.push({ title: title.replace(/[*`#]/g, "").replace(/:$/, ""), query });
  }
  return examples;
}
