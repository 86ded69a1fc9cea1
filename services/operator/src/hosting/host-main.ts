/**
 * Every subgraph in one process: `node dist/subgraphs.mjs`, what `pnpm start` runs (its
 * default hosting, shared) and supervises beside the gateway's process. Each subgraph keeps its own port,
 * database and schema, as in a process of its own; they share one Node runtime, one copy of
 * the packages and one heap, which is where the memory of eleven processes went.
 */
import {
  dataDirOption,
  hostOption,
  onShutdown,
  PORT_OFFSET,
  readCommandLine,
  resolveDataFolder,
  runCommand,
  topology,
} from "@csg/service-runtime";
import { type HostedSubgraph, startSubgraph } from "./subgraph-hosting";

await runCommand("subgraphs host", async () => {
  const command = readCommandLine({
    summary: "Serves the county's, the national and every partnership's subgraph from this one process.",
    usage: ["node dist/subgraphs.mjs [--port-offset <n>] [--host <address>] [--data-dir <dir>]"],
    options: {
      "port-offset": {
        type: "string",
        value: "<n>",
        env: PORT_OFFSET,
        description: "The registry's ports shifted by <n>.",
      },
      host: hostOption,
      "data-dir": dataDirOption,
    },
  });
  const dataDir = resolveDataFolder(command).dir;
  const layout = topology(command.integer("port-offset") ?? 0);
  const timeout = process.env.CSG_PARTNERSHIP_READ_TIMEOUT_MS;
  const hosted: HostedSubgraph[] = [];
  const stopAll = () => Promise.all(hosted.map((s) => s.stop())).then(() => undefined);
  onShutdown(stopAll);
  await Promise.all(
    layout.all.map(async (service) => {
      const subgraph = await startSubgraph(service, {
        dataDir,
        layout,
        ...(timeout ? { partnershipReadTimeoutMs: Number(timeout) } : {}),
        log: (line) => console.log(line),
      });
      hosted.push(subgraph);
      console.log(`${service.name} ready at ${subgraph.url}`);
    }),
  );
  console.log(`Every subgraph (${hosted.length}) ready at their ports in this process (data: ${dataDir})`);
});
