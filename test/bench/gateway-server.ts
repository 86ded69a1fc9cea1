/**
 * Our gateway alone over the subgraphs of a running system, e.g. with its response cache off:
 *   tsx test/bench/gateway-server.ts --port 4291 --port-offset 200 --data-dir data --response-cache off
 */
import { startGateway } from "@csg/gateway";
import { localDatabases, readSupergraph } from "@csg/operator";
import { dataDirOption, defaultDataDir, readCommandLine, topology } from "@csg/service-runtime";

const command = readCommandLine({
  summary: "Our gateway alone over the subgraphs of a running system (for the gateway benchmark).",
  usage: ["tsx test/bench/gateway-server.ts --port <port> --port-offset <n> [--data-dir <dir>] [--response-cache on|off]"],
  options: {
    port: { type: "string", value: "<port>", env: "PORT", default: "0", description: "The gateway's port." },
    "port-offset": { type: "string", value: "<n>", env: "CSG_PORT_OFFSET", default: "0", description: "The running system's port offset." },
    "response-cache": { type: "string", value: "on|off", env: "CSG_RESPONSE_CACHE", default: "on", description: "The response cache." },
    "data-dir": dataDirOption,
  },
});
const layout = topology(command.integer("port-offset"));
const gateway = await startGateway({
  port: command.integer("port")!,
  supergraphSdl: readSupergraph(),
  subgraphs: layout.all,
  freshness: { responseCache: command.string("response-cache") !== "off" },
  localDatabases: localDatabases(layout, command.string("data-dir") ?? defaultDataDir),
});
console.log(`ready ${gateway.url}`);
