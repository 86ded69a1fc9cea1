/**
 * `pnpm schema:check --url <url> --subgraph <name>`: before a district's new subgraph version
 * is used, its live `_service { sdl }` composed with every other subgraph's committed SDL,
 * and the result compared with the committed supergraph (the one the gateways serve). A
 * composition error or any breaking change is refused: no acknowledgement can make a
 * district's live change safe for the county's dashboards.
 */
import { COUNTY_SUBGRAPH, NATIONAL_SUBGRAPH, partnerships } from "@csg/schema";
import { CompositionError, composeSubgraphs, defaultSubgraphUrl } from "../supergraph/compose";
import { readSubgraphSdl, readSupergraph } from "../supergraph/files";
import { apiSchemaOf } from "./api-schema";
import { changesBetween } from "./schema-changes";

/** A subgraph's SDL is tens of kilobytes: anything near this is not one. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

export interface LiveCheckResult {
  passed: boolean;
  report: string;
}

/** The SDL a subgraph serves, read with a timeout and a bound on the answer's size. */
export async function liveSdl(url: string, timeoutMs = 10_000): Promise<string> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: Error & { cause?: { code?: string } }) => {
    throw new Error(`${url} did not answer: ${error.cause?.code ?? error.message}`);
  });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new Error(`${url} answered over ${MAX_ANSWER_BYTES} bytes: not a subgraph's SDL`);
    }
    chunks.push(Buffer.from(read.value));
  }
  let body: { data?: { _service?: { sdl?: unknown } }; errors?: { message: string }[] };
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new Error(`${url} answered something other than JSON`);
  }
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== "string")
    throw new Error(
      `${url} did not answer _service { sdl }${body.errors?.length ? `: ${body.errors.map((e) => e.message).join("; ")}` : ""}`,
    );
  return sdl;
}

export async function checkLiveSubgraph(name: string, url: string): Promise<LiveCheckResult> {
  const names = [COUNTY_SUBGRAPH.name, ...partnerships.map((p) => p.code), NATIONAL_SUBGRAPH.name];
  if (!names.includes(name)) throw new Error(`--subgraph: no subgraph "${name}" (${names.join(", ")})`);
  const sdl = await liveSdl(url);
  const subgraphs = names.map((n) => ({
    name: n,
    url: defaultSubgraphUrl(0),
    sdl: n === name ? sdl : readSubgraphSdl(n),
  }));
  let composed: string;
  try {
    composed = composeSubgraphs(subgraphs);
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    return {
      passed: false,
      report: `REFUSED: ${name}'s live schema at ${url} does not compose with the others:\n${error.message}`,
    };
  }
  const changes = await changesBetween(apiSchemaOf(readSupergraph()), apiSchemaOf(composed));
  const breaking = changes.filter((c) => c.level === "breaking");
  const lines = changes.map((c) => `  ${c.level.padEnd(9)} ${c.message}`);
  const heading =
    changes.length === 0
      ? `${name}'s live schema at ${url} composes into the committed supergraph unchanged.`
      : `${name}'s live schema at ${url} changes the supergraph:`;
  const verdict = breaking.length
    ? `REFUSED: ${breaking.length} breaking change(s); the gateways keep serving the committed supergraph. Publish a version without them, or change the supergraph through the project (pnpm compose).`
    : "Passed: no breaking change.";
  return { passed: breaking.length === 0, report: [heading, ...lines, verdict].join("\n") };
}
