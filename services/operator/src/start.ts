/**
 * `pnpm start`: the whole system on this machine. Starts the county subgraph and every
 * partnership's subgraph (each its own process, HTTP service and SQLite database, seeded
 * on first start), then the gateway (a process of its own too), restarting any that dies;
 * stops everything on Ctrl-C or SIGTERM.
 */
import { CORS_ORIGINS, corsOriginsFrom, FRESHNESS_COMMAND_OPTIONS } from "@csg/gateway/process-environment";
import {
  dataDirOption,
  exportLine,
  hostOption,
  onShutdown,
  PORT_OFFSET,
  readCommandLine,
  resolveDataFolder,
  runCommand,
} from "@csg/service-runtime";
import { watchStartChain } from "./start-chain";
import { HOSTINGS, type Hosting, startSystem } from "./system";

await runCommand("pnpm start", async () => {
  const command = readCommandLine({
    summary:
      "Starts the whole system: the county subgraph, every partnership's subgraph and the gateway, seeded on first start.",
    usage: [
      "pnpm start [--port-offset <n>] [--host <address>] [--cors-origins <origins>] [--response-cache on|off] [--deduplication on|off] [--subgraph-answers on|off] [--hosting separate|shared] [--data-dir <dir>]",
    ],
    options: {
      "port-offset": {
        type: "string",
        value: "<n>",
        env: PORT_OFFSET,
        description: "Shifts every port, e.g. 100 puts the gateway on 4100, to run beside another system.",
      },
      host: hostOption,
      "cors-origins": {
        type: "string",
        value: "<origins>",
        env: CORS_ORIGINS,
        description:
          "Comma-separated origins whose pages may call the gateway, e.g. https://dashboards.example.org (none by default).",
      },
      // Read by the gateway from the environment (freshness-options.ts).
      ...FRESHNESS_COMMAND_OPTIONS,
      "data-dir": dataDirOption,
      hosting: {
        type: "string",
        value: "separate|shared",
        env: "CSG_HOSTING",
        choices: [...HOSTINGS],
        description:
          "Every subgraph in one process beside the gateway's (shared, the default: a third of the memory; one subgraph's crash restarts them all), or each in a process of its own (separate).",
      },
    },
  });
  // The one command that may make a system in a new folder: it seeds it on first start.
  const dataDir = resolveDataFolder(command).dir;
  const portOffset = command.integer("port-offset") ?? 0;
  const started = Date.now();
  console.log(`Starting the Community Safety Graph (data: ${dataDir}) ...`);
  // Ctrl-C or SIGTERM while starting: stop what has started (never leave it to stop itself later).
  const starting = new AbortController();
  const abandon = () => starting.abort();
  process.once("SIGINT", abandon).once("SIGTERM", abandon);
  const system = await startSystem({
    dataDir,
    portOffset,
    corsOrigins: corsOriginsFrom(command.string("cors-origins")),
    log: (service, line) => console.log(`[${service}] ${line}`),
    signal: starting.signal,
    hosting: command.string("hosting") as Hosting | undefined,
  });
  process.off("SIGINT", abandon).off("SIGTERM", abandon);
  console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  for (const s of system.topology.all) console.log(`  ${s.name.padEnd(26)} ${s.url}`);
  console.log(`\nGraphQL endpoint: ${system.gateway.url}`);
  console.log(`Health:           ${system.gateway.healthUrl}`);
  console.log(`\nThe commands (pnpm tokens, figures:import, ...) find this system with:\n  ${exportLine(dataDir)}`);
  console.log("Press Ctrl-C to stop.");
  // A SIGTERM to npx or pnpm ends them without passing it on: their going stops us too.
  watchStartChain((ancestor) => {
    console.log(`${ancestor} has ended.`);
    process.kill(process.pid, "SIGTERM");
  });
  onShutdown(async () => {
    console.log("Stopping ...");
    await system.stop();
    console.log("Stopped.");
  });
});
