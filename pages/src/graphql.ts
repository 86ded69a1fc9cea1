/** The pages' only data source: the public GraphQL endpoint of this gateway. */
export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLError[];
}

export async function runQuery<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
