/**
 * Where each subgraph lives, from configuration: a JSON file mapping subgraph names to their
 * URLs (`--subgraphs <file>` on the gateway and the county's subgraph, or CSG_SUBGRAPHS_FILE),
 * e.g. `{ "charnwood": "https://csp.charnwood.example:4103/graphql" }`. A subgraph the file
 * does not name keeps its address from CSG_SUBGRAPH_URL_<NAME>, else this machine's default.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export const SUBGRAPHS_FILE = "CSG_SUBGRAPHS_FILE";

/** Bounds a hostile or mistaken file: far more than the system's subgraphs need. */
const MAX_FILE_BYTES = 64 * 1024;

const read = new Map<string, Map<string, string>>();

/** The file's addresses by subgraph name; an error naming the file and the entry for anything wrong. */
export function subgraphAddresses(file: string, known: readonly string[]): Map<string, string> {
  const path = resolve(file);
  const kept = read.get(path);
  if (kept) return kept;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `Subgraph addresses: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES)
    throw new Error(`Subgraph addresses: ${path} is over ${MAX_FILE_BYTES} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Subgraph addresses: ${path} is not JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Subgraph addresses: ${path} must be one JSON object mapping subgraph names to URLs`);
  }
  const addresses = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed)) {
    if (!known.includes(name))
      throw new Error(
        `Subgraph addresses: ${path} names "${name}", which is no subgraph of this system (${known.join(", ")})`,
      );
    let url: URL;
    try {
      if (typeof value !== "string") throw new Error("not a string");
      url = new URL(value);
    } catch {
      throw new Error(`Subgraph addresses: ${path}, "${name}": ${JSON.stringify(value)} is not a URL`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new Error(`Subgraph addresses: ${path}, "${name}": ${url.protocol} is not http: or https:`);
    if (url.username || url.password)
      throw new Error(
        `Subgraph addresses: ${path}, "${name}": a URL carries no credentials (use certificates and tokens)`,
      );
    addresses.set(name, url.href);
  }
  read.set(path, addresses);
  return addresses;
}
