/**
 * Reading from a running system over HTTP, whoever started it: all a file that only reads
 * needs (so it does not load the launcher and every package behind it, about 2 s a file).
 */
export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** Where a running system answers: enough to read from it, whoever started it. */
export interface SystemAddresses {
  gatewayUrl: string;
  healthUrl: string;
  /** The county's subgraph first, then every partnership's. */
  subgraphs: { name: string; label: string; url: string }[];
  dataDir: string;
}

/** A running system to query over HTTP. */
export interface SystemClient extends SystemAddresses {
  /** POSTs a GraphQL operation to the gateway over HTTP. */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** POSTs a GraphQL operation straight to one subgraph, bypassing the gateway. */
  querySubgraph<T = any>(name: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

async function post(url: string, query: string, variables?: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

/** A client of the system at `addresses`. */
export function clientOf(addresses: SystemAddresses): SystemClient {
  return {
    ...addresses,
    query: (query, variables, token) => post(addresses.gatewayUrl, query, variables, token),
    querySubgraph(name, query, variables) {
      const service = addresses.subgraphs.find((s) => s.name === name);
      if (!service) throw new Error(`No subgraph ${name}`);
      return post(service.url, query, variables);
    },
  };
}
