/**
 * Our gateway alone over the subgraphs of a running system, e.g. with its response cache off:
 *   tsx test/bench/gateway-server.ts --port 4291 --port-offset 200 --data-dir data --response-cache off
 */
import { localDatabases, readSupergraph, startGateway } from "@csg/gateway";
import { defaultDataDir, option, topology } from "@csg/service-runtime";

const port = Number(option("port", "PORT", "0"));
const layout = topology(Number(option("port-offset", "CSG_PORT_OFFSET", "0")));
const responseCache = option("response-cache", "CSG_RESPONSE_CACHE", "on") !== "off";
const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;
const gateway = await startGateway({
  port,
  supergraphSdl: readSupergraph(),
  subgraphs: layout.all,
  freshness: { responseCache },
  localDatabases: localDatabases(layout, dataDir),
});
console.log(`ready ${gateway.url}`);
