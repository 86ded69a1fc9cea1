export { startCspSubgraph, type CspSubgraphOptions, type RunningSubgraph } from "./server";
export { buildCspSubgraph } from "./subgraph";
export { openCspDatabase } from "./db/database";
export { datasetFile, datasetsFolder, loadCspDataset } from "./dataset/load";
