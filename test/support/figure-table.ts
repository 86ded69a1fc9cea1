/**
 * A partnership's figures table in the spreadsheet layout, made up to a size: every crime
 * category of the taxonomy as a row, as many part-year period columns as the size needs.
 * For tests and benchmarks of imports that are larger than any document's table.
 */
import { crimeCategories } from "@csg/schema";

export interface MadeTable {
  csv: string;
  /** Figures it holds (cells with a count). */
  figures: number;
}

const day = (offset: number) => new Date(Date.UTC(1995, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** About `figures` figures (whole rows of categories); `badCells` of them negative (each a problem), from the first. */
export function madeTable(options: {
  figures: number;
  locator: string;
  badCells?: number;
  firstCount?: number;
}): MadeTable {
  const categories = crimeCategories.map((c) => c.id);
  const columns = Math.max(1, Math.ceil(options.figures / categories.length));
  const headings = Array.from({ length: columns }, (_, i) => `"Made ${i + 1} (${day(i)}..${day(i + 27)}, PART_YEAR)"`);
  // Every column names its own source (the layout's rows above the header).
  const each = (cell: string) => Array.from({ length: columns }, () => cell).join(",");
  const lines = [
    `document,,${each("made-up-figures.csv")}`,
    `locator,,${each(options.locator)}`,
    `title,,${each("Made-up figures")}`,
    `publisher,,${each("The test suite")}`,
    `published,,${each("")}`,
    `category,local_label,${headings.join(",")}`,
  ];
  let cell = 0;
  for (const category of categories) {
    const counts = Array.from({ length: columns }, () => {
      const count = (options.firstCount ?? 100) + cell;
      return cell++ < (options.badCells ?? 0) ? `-${count}` : String(count);
    });
    lines.push(`${category},Made ${category},${counts.join(",")}`);
  }
  return { csv: `${lines.join("\n")}\n`, figures: cell };
}
