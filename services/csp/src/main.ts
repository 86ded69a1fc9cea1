/**
 * Runs one partnership's subgraph: what a district deploys.
 *   tsx services/csp/src/main.ts --partnership charnwood [--port 4012] [--data-dir ./data]
 */
import { requirePartnership } from "@csg/schema";
import { defaultDataDir, onShutdown, option } from "@csg/service-runtime";
import { startCspSubgraph } from "./server";

const code = option("partnership", "CSG_PARTNERSHIP");
if (!code) {
  console.error("Name the partnership: --partnership <code> (or CSG_PARTNERSHIP).");
  process.exit(2);
}
const entry = requirePartnership(code);
const port = Number(option("port", "PORT", String(entry.port)));
const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;

const subgraph = await startCspSubgraph({ partnership: entry.code, port, dataDir });
console.log(`${entry.name} subgraph ready at ${subgraph.url} (data: ${dataDir})`);
onShutdown(() => subgraph.stop());
