export { startCspSubgraph, type CspSubgraphOptions, type RunningCspSubgraph } from "./server";
export { buildCspSubgraph } from "./subgraph";
export { openCspDatabase } from "./db/database";
export { datasetFile, datasetsFolder, loadCspDataset } from "./dataset/load";
