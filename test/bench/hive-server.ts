/**
 * Hive Gateway with Hive Router's Rust query planner, its default options (in-flight
 * deduplication on), over the subgraphs of a running system; its own process, as ours is.
 *   tsx test/bench/hive-server.ts --port 4290 --port-offset 200
 */
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { readSupergraph } from "@csg/gateway";
import { listen, option, topology } from "@csg/service-runtime";

const port = Number(option("port", "PORT", "0"));
const layout = topology(Number(option("port-offset", "CSG_PORT_OFFSET", "0")));
const runtime = createGatewayRuntime({
  supergraph: readSupergraph(),
  unifiedGraphHandler,
  transportEntries: Object.fromEntries(layout.all.map((s) => [s.name, { location: s.url }])),
  propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get("authorization") }) },
});
const http = await listen(port, runtime);
console.log(`ready http://localhost:${http.port}/graphql`);
