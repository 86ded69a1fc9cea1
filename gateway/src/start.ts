/**
 * `pnpm start`: the whole system on this machine. Starts the county subgraph and every
 * partnership's subgraph (each its own process, HTTP service and SQLite database, seeded
 * on first start), then the gateway; stops everything on Ctrl-C or SIGTERM.
 */
import { defaultDataDir, onShutdown, option } from "@csg/service-runtime";
import { startSystem } from "./system";
import { watchStartChain } from "./start-chain";

const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;
// Shifts every port, e.g. --port-offset 100 puts the gateway on 4100, to run beside another system.
const portOffset = Number(option("port-offset", "CSG_PORT_OFFSET", "0"));
const started = Date.now();
console.log(`Starting the Community Safety Graph (data: ${dataDir}) ...`);
const system = await startSystem({ dataDir, portOffset, log: (service, line) => console.log(`[${service}] ${line}`) });
console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
for (const s of system.topology.all) console.log(`  ${s.name.padEnd(26)} ${s.url}`);
console.log(`\nGraphQL endpoint: ${system.gateway.url}`);
console.log(`Health:           ${system.gateway.healthUrl}`);
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
