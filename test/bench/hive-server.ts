/**
 * Hive Gateway with Hive Router's Rust query planner, its default options (in-flight
 * deduplication on), over the subgraphs of a running system; its own process, as ours is.
 *   tsx test/bench/hive-server.ts --port 4290 --port-offset 200
 */
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { readSupergraph } from "@csg/operator";
import { listen, readCommandLine, topology } from "@csg/service-runtime";

const command = readCommandLine({
  summary: "Hive Gateway (Rust query planner, default options) over the subgraphs of a running system (for the gateway benchmark).",
  usage: ["tsx test/bench/hive-server.ts --port <port> --port-offset <n>"],
  options: {
    port: { type: "string", value: "<port>", env: "PORT", default: "0", description: "The gateway's port." },
    "port-offset": { type: "string", value: "<n>", env: "CSG_PORT_OFFSET", default: "0", description: "The running system's port offset." },
  },
});
const port = command.integer("port")!;
const layout = topology(command.integer("port-offset"));
const runtime = createGatewayRuntime({
  supergraph: readSupergraph(),
  unifiedGraphHandler,
  transportEntries: Object.fromEntries(layout.all.map((s) => [s.name, { location: s.url }])),
  propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }) },
});
const http = await listen(port, runtime);
console.log(`ready http://localhost:${http.port}/graphql`);
