/**
 * Hive Gateway with Hive Router's Rust query planner (in-flight deduplication on, its
 * default), over the subgraphs of a running system; its own process, as ours is. With
 * --response-cache on, its response cache keyed per caller as ours is (the Authorization
 * header; none = shared): Hive at its best for repeated requests. Off (the default) and run
 * with NODE_ENV=production: Hive at its best for unique ones.
 *   tsx test/bench/hive-server.ts --port 4290 --port-offset 200 [--response-cache on]
 */
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { readSupergraph } from "@csg/operator";
import { listen, readCommandLine, topology } from "@csg/service-runtime";

const command = readCommandLine({
  summary:
    "Hive Gateway (Rust query planner, default options) over the subgraphs of a running system (for the gateway benchmark).",
  usage: ["tsx test/bench/hive-server.ts --port <port> --port-offset <n>"],
  options: {
    port: { type: "string", value: "<port>", env: "PORT", default: "0", description: "The gateway's port." },
    "port-offset": {
      type: "string",
      value: "<n>",
      env: "CSG_PORT_OFFSET",
      default: "0",
      description: "The running system's port offset.",
    },
    "response-cache": {
      type: "string",
      value: "on|off",
      choices: ["on", "off"],
      default: "off",
      description: "Hive's response cache, per caller.",
    },
  },
});
const port = command.integer("port")!;
const layout = topology(command.integer("port-offset"));
/** Hive's response cache needs a key-value store: in memory, as ours (the oldest go past 10,000 entries). */
function memoryCache() {
  const entries = new Map<string, { value: unknown; expires: number }>();
  return {
    get(key: string) {
      const entry = entries.get(key);
      if (entry && entry.expires < Date.now()) entries.delete(key);
      return entry && entry.expires >= Date.now() ? entry.value : undefined;
    },
    set(key: string, value: unknown, options?: { ttl?: number | null }) {
      if (entries.size >= 10_000) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, expires: options?.ttl ? Date.now() + options.ttl * 1000 : Infinity });
    },
    delete: (key: string) => entries.delete(key),
    getKeysByPrefix: (prefix: string) => [...entries.keys()].filter((key) => key.startsWith(prefix)),
  };
}

const cached = command.string("response-cache") === "on";
const runtime = createGatewayRuntime({
  supergraph: readSupergraph(),
  unifiedGraphHandler,
  transportEntries: Object.fromEntries(layout.all.map((s) => [s.name, { location: s.url }])),
  ...(cached
    ? { cache: memoryCache(), responseCaching: { session: (request: Request) => request.headers.get("authorization") } }
    : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }),
  },
});
const http = await listen(port, runtime);
console.log(`ready http://localhost:${http.port}/graphql`);
