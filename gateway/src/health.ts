export interface SubgraphHealth {
  name: string;
  url: string;
  status: "up" | "down";
  error?: string;
}

export interface Health {
  status: "ok" | "degraded";
  gateway: { status: "up" };
  subgraphs: SubgraphHealth[];
}

const PROBE_TIMEOUT_MS = 2000;

/** Asks one subgraph for `{ __typename }`: up if it answers with data. */
export async function probeSubgraph(name: string, url: string): Promise<SubgraphHealth> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = (await response.json()) as { data?: unknown };
    return response.ok && body.data
      ? { name, url, status: "up" }
      : { name, url, status: "down", error: `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { name, url, status: "down", error: cause ?? (error as Error).message };
  }
}

/** The gateway and every subgraph, probed in parallel. */
export async function checkHealth(subgraphs: { name: string; url: string }[]): Promise<Health> {
  const results = await Promise.all(subgraphs.map((s) => probeSubgraph(s.name, s.url)));
  return {
    status: results.every((r) => r.status === "up") ? "ok" : "degraded",
    gateway: { status: "up" },
    subgraphs: results,
  };
}
