import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The end-to-end files that take longest, longest first (measured on this machine, two at a
 * time). Vitest orders by the last run's timings, but a clean clone (CI) has none and would
 * order by file size: the short documentation file that runs for minutes would start last
 * and finish alone. A file not named here runs after these, in vitest's own order.
 */
const LONGEST = [
  "documentation",
  "pages",
  "new-partnership",
  "faults",
  "gateway-process",
  "spreadsheet",
  "national",
  "spreadsheet-safety",
];

const rank = (file: TestSpecification) => {
  const found = LONGEST.findIndex((name) => file.moduleId.endsWith(`/test/${name}.test.ts`));
  return found < 0 ? LONGEST.length : found;
};

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
