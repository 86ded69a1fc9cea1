/** Runs the county (LSCSB) subgraph. */
import { COUNTY_SUBGRAPH } from "@csg/schema";
import {
  dataDirOption,
  hostOption,
  onShutdown,
  readCommandLine,
  resolveDataFolder,
  runCommand,
  SUBGRAPHS_FILE,
  useClientTls,
} from "@csg/service-runtime";
import { startCountySubgraph } from "./server";

await runCommand("county subgraph", async () => {
  const command = readCommandLine({
    summary: "Runs the county (LSCSB) subgraph on its own SQLite database (seeded on first start).",
    usage: [
      "tsx services/county/src/main.ts [--port <port>] [--host <address>] [--data-dir <dir>] [--subgraphs <file>]",
    ],
    options: {
      port: {
        type: "string",
        value: "<port>",
        env: "PORT",
        description: `The port (default ${COUNTY_SUBGRAPH.port}).`,
      },
      host: hostOption,
      "data-dir": dataDirOption,
      subgraphs: {
        type: "string",
        value: "<file>",
        env: SUBGRAPHS_FILE,
        exported: true,
        description:
          "A JSON file mapping subgraph names to their URLs (https:// included); others at CSG_SUBGRAPH_URL_<NAME>, else this machine.",
      },
    },
  });
  // The partnerships are read over TLS with CSG_TLS_CA, CSG_TLS_CLIENT_CERT/KEY, as the gateway reads them.
  useClientTls();
  const dataDir = resolveDataFolder(command).dir;
  const subgraph = await startCountySubgraph({ port: command.integer("port") ?? COUNTY_SUBGRAPH.port, dataDir });
  console.log(`County (LSCSB) subgraph ready at ${subgraph.url} (data: ${dataDir})`);
  onShutdown(() => subgraph.stop());
});
