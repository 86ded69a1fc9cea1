import { fileURLToPath } from "node:url";

/** Where the repository's SAMPLE files are (made-up counts; built by build-samples.ts). */
export const SAMPLES_DIR = fileURLToPath(new URL("../../samples/", import.meta.url));

/**
 * The samples, in the order a fresh system imports them on first start: Home Office tables and
 * police.uk months only. No sample lookup or population estimates: they would give CSPs codes
 * nobody published. Until the real lookup is imported, CSPs outside Leicestershire are known by
 * their Home Office names and forces (no code, no population, so no rate).
 */
export const SAMPLE_FILES = [
  "sample-prc-csp-mar17-mar19-tables-180719.xlsx",
  "sample-prc-csp-mar19-sep21-tables-201021.ods",
  "sample-prc-csp-mar20-dec21-tables-200122.csv",
  "sample-2021-02-leicestershire-street.csv",
  "sample-2021-03-leicestershire-street.csv",
];
