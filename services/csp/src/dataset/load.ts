import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CspDataset } from "./format";
import { validateCspDataset } from "./validate";
import { ValidationError } from "@csg/domain";

/**
 * The folder of the partnerships' seed datasets, kept in the project; CSG_DATASETS_DIR names
 * another (the end-to-end test of `pnpm partnership:add` works on a copy).
 */
export const datasetsFolder = process.env.CSG_DATASETS_DIR ?? fileURLToPath(new URL("../../datasets", import.meta.url));

export function datasetFile(code: string): string {
  return `${datasetsFolder}/${code}.json`;
}

/** Reads and checks a partnership's dataset file; errors name the file and the JSON path. */
export function loadCspDataset(file: string, partnershipCode: string): CspDataset {
  let dataset: CspDataset;
  try {
    dataset = JSON.parse(readFileSync(file, "utf8")) as CspDataset;
  } catch (error) {
    throw new ValidationError([{ where: file, message: `is not readable JSON: ${(error as Error).message}` }]);
  }
  validateCspDataset(dataset, file, partnershipCode);
  return dataset;
}
