/**
 * Runs the national subgraph (Home Office CSP tables, police.uk months, ONS populations).
 *   tsx services/national/src/main.ts [--port 4002] [--data-dir ./data]
 */
import { NATIONAL_SUBGRAPH } from "@csg/schema";
import { defaultDataDir, onShutdown, option } from "@csg/service-runtime";
import { startNationalSubgraph } from "./server";

const port = Number(option("port", "PORT", String(NATIONAL_SUBGRAPH.port)));
const dataDir = option("data-dir", "CSG_DATA_DIR", defaultDataDir)!;
const subgraph = await startNationalSubgraph({ port, dataDir, log: (line) => console.log(line) });
console.log(`National subgraph ready at ${subgraph.url} (data: ${dataDir})`);
onShutdown(() => subgraph.stop());
