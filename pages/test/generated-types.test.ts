/**
 * The pages' data types (src/generated) are what GraphQL Code Generator makes of the committed
 * supergraph and the pages' queries as they are now, and every query the pages send has its
 * result type there.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedFolder, generatedTypes } from "../codegen";
import * as nationalQueries from "../src/queries/national";
import * as overviewQueries from "../src/queries/overview";
import * as partnershipQueries from "../src/queries/partnership";

const root = join(generatedFolder, "..", "..", "..");

describe("the pages' generated data types", () => {
  it("are what `pnpm codegen:pages` makes of the supergraph and the queries", { timeout: 30_000 }, async () => {
    const files = await generatedTypes();
    expect(files.map((f) => f.file).sort()).toEqual([
      "pages/src/generated/operations.ts",
      "pages/src/generated/schema.ts",
    ]);
    for (const { file, content } of files) {
      const path = join(root, file);
      expect(existsSync(path), `${file} is missing: run \`pnpm codegen:pages\``).toBe(true);
      expect(readFileSync(path, "utf8"), `${file} is stale: run \`pnpm codegen:pages\``).toBe(content);
    }
  });

  it("type the result of every query the pages send", () => {
    const operations = readFileSync(join(generatedFolder, "operations.ts"), "utf8");
    const texts = [
      ...Object.values({ ...nationalQueries, ...overviewQueries, ...partnershipQueries }).filter(
        (q): q is string => typeof q === "string",
      ),
      partnershipQueries.countyComparisonQuery(1),
    ];
    const names = texts.flatMap((text) => [...text.matchAll(/\b(query|fragment)\s+([_A-Za-z]\w*)/g)]);
    expect(names.map((m) => m[2]).sort()).toEqual([
      "CountyComparison",
      "CountyComparisonTotal",
      "CountyCrimeTotals",
      "CountyOverview",
      "NationalPosition",
      "Partnership",
      "WhichPartnershipsPrioritise",
    ]);
    // CountyComparison has one alias per period of the briefing: each total is typed by the fragment.
    for (const [, kind, name] of names.filter((m) => m[2] !== "CountyComparison")) {
      const type = `${name}${kind === "query" ? "Query" : "Fragment"}`;
      expect(operations, `no ${type} in src/generated/operations.ts: run \`pnpm codegen:pages\``).toContain(
        `export type ${type} = `,
      );
    }
  });
});
