/**
 * Runs the county (LSCSB) subgraph.
 *   tsx services/county/src/main.ts [--port 4001] [--data-dir ./data]
 */
import { COUNTY_SUBGRAPH } from "@csg/schema";
import { defaultDataDir, onShutdown, option } from "@csg/service-runtime";
import { startCountySubgraph } from "./server";

const port = Number(option("port", "PORT", String(COUNTY_SUBGRAPH.port)));
const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;
const subgraph = await startCountySubgraph({ port, dataDir });
console.log(`County (LSCSB) subgraph ready at ${subgraph.url} (data: ${dataDir})`);
onShutdown(() => subgraph.stop());
