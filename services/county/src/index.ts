export { startCountySubgraph, type CountySubgraphOptions, type RunningCountySubgraph } from "./server";
export { buildCountySubgraph } from "./subgraph";
export { openCountyDatabase } from "./db/database";
