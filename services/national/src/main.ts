/** Runs the national subgraph (Home Office CSP tables, police.uk months, ONS populations). */
import { NATIONAL_SUBGRAPH } from "@csg/schema";
import {
  dataDirOption,
  hostOption,
  onShutdown,
  readCommandLine,
  resolveDataFolder,
  runCommand,
} from "@csg/service-runtime";
import { startNationalSubgraph } from "./server";

await runCommand("national subgraph", async () => {
  const command = readCommandLine({
    summary: "Runs the national subgraph on its own SQLite database (the sample files imported on first start).",
    usage: ["tsx services/national/src/main.ts [--port <port>] [--host <address>] [--data-dir <dir>]"],
    options: {
      port: {
        type: "string",
        value: "<port>",
        env: "PORT",
        description: `The port (default ${NATIONAL_SUBGRAPH.port}).`,
      },
      host: hostOption,
      "data-dir": dataDirOption,
    },
  });
  const dataDir = resolveDataFolder(command).dir;
  const subgraph = await startNationalSubgraph({
    port: command.integer("port") ?? NATIONAL_SUBGRAPH.port,
    dataDir,
    log: (line) => console.log(line),
  });
  console.log(`National subgraph ready at ${subgraph.url} (data: ${dataDir})`);
  onShutdown(() => subgraph.stop());
});
