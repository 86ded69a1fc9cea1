/** Runs one partnership's subgraph: what a district deploys. */
import { partnerships, requirePartnership } from "@csg/schema";
import {
  dataDirOption,
  hostOption,
  onShutdown,
  readCommandLine,
  resolveDataFolder,
  runCommand,
} from "@csg/service-runtime";
import { startCspSubgraph } from "./server";

await runCommand("csp subgraph", async () => {
  const command = readCommandLine({
    summary: "Runs one partnership's subgraph on its own SQLite database (seeded from its dataset on first start).",
    usage: ["tsx services/csp/src/main.ts --partnership <code> [--port <port>] [--host <address>] [--data-dir <dir>]"],
    options: {
      partnership: {
        type: "string",
        value: "<code>",
        env: "CSG_PARTNERSHIP",
        description: `The partnership: ${partnerships.map((p) => p.code).join(", ")}.`,
      },
      port: {
        type: "string",
        value: "<port>",
        env: "PORT",
        description: "The port (default: the registry's port for the partnership).",
      },
      host: hostOption,
      "data-dir": dataDirOption,
    },
  });
  const entry = requirePartnership(command.required("partnership"));
  const dataDir = resolveDataFolder(command).dir;
  const subgraph = await startCspSubgraph({
    partnership: entry.code,
    port: command.integer("port") ?? entry.port,
    dataDir,
  });
  console.log(`${entry.name} subgraph ready at ${subgraph.url} (data: ${dataDir})`);
  onShutdown(() => subgraph.stop());
});
