/** Runs the county (LSCSB) subgraph. */
import { COUNTY_SUBGRAPH } from "@csg/schema";
import { dataDirOption, hostOption, onShutdown, readCommandLine, resolveDataFolder, runCommand } from "@csg/service-runtime";
import { startCountySubgraph } from "./server";

await runCommand("county subgraph", async () => {
  const command = readCommandLine({
    summary: "Runs the county (LSCSB) subgraph on its own SQLite database (seeded on first start).",
    usage: ["tsx services/county/src/main.ts [--port <port>] [--host <address>] [--data-dir <dir>]"],
    options: {
      port: { type: "string", value: "<port>", env: "PORT", description: `The port (default ${COUNTY_SUBGRAPH.port}).` },
      host: hostOption,
      "data-dir": dataDirOption,
    },
  });
  const dataDir = resolveDataFolder(command).dir;
  const subgraph = await startCountySubgraph({ port: command.integer("port") ?? COUNTY_SUBGRAPH.port, dataDir });
  console.log(`County (LSCSB) subgraph ready at ${subgraph.url} (data: ${dataDir})`);
  onShutdown(() => subgraph.stop());
});
