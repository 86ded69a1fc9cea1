/** The pages' only data source: the public GraphQL endpoint of this gateway. */
import type { TypedQuery } from "./typed-query";

export interface GraphQLError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
  path?: (string | number)[];
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLError[];
}

export async function runQuery<Result, Variables>(
  query: TypedQuery<Result, Variables>,
  variables: Variables,
): Promise<GraphQLResult<Result>> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Result | null; errors?: GraphQLError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
