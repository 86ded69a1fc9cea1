export { buildNationalSubgraph } from "./subgraph";
export { startNationalSubgraph, type NationalSubgraphOptions, type RunningNationalSubgraph } from "./server";
export { openNationalDatabase, sqliteOf } from "./db/database";
export { importNationalFile, type ImportResult } from "./import/import-file";
export { ImportRefused } from "./import/problems";
export { SAMPLE_FILES, SAMPLES_DIR } from "./samples/sample-files";
