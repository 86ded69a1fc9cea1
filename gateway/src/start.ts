/**
 * `pnpm start`: the whole system on this machine. Starts the county subgraph and every
 * partnership's subgraph (each its own process, HTTP service and SQLite database, seeded
 * on first start), then the gateway; stops everything on Ctrl-C or SIGTERM.
 */
import { defaultDataDir, onShutdown, option } from "@csg/service-runtime";
import { startSystem } from "./system";

const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;
// Shifts every port, e.g. --port-offset 100 puts the gateway on 4100, to run beside another system.
const portOffset = Number(option("port-offset", "CSG_PORT_OFFSET", "0"));
// --response-cache off / --deduplication off: the gateway without them (e.g. to compare).
const onOff = (value: string | undefined) => (value === undefined ? undefined : !/^(off|false|0|no)$/i.test(value));
const freshness = { responseCache: onOff(option("response-cache", "CSG_RESPONSE_CACHE")), deduplication: onOff(option("deduplication", "CSG_DEDUPLICATION")) };
const started = Date.now();
console.log(`Starting the Community Safety Graph (data: ${dataDir}) ...`);
const system = await startSystem({ dataDir, portOffset, freshness, log: (service, line) => console.log(`[${service}] ${line}`) });
console.log(`\nReady in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
for (const s of system.topology.all) console.log(`  ${s.name.padEnd(26)} ${s.url}`);
console.log(`\nGraphQL endpoint: ${system.gateway.url}`);
console.log(`Health:           ${system.gateway.healthUrl}`);
console.log("Press Ctrl-C to stop.");
onShutdown(async () => {
  console.log("Stopping ...");
  await system.stop();
  console.log("Stopped.");
});
