import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CharnwoodSubgraph, EVERYTHING, startCharnwoodSubgraph } from "./support/charnwood-subgraph";

let subgraph: CharnwoodSubgraph;
beforeAll(async () => {
  subgraph = await startCharnwoodSubgraph();
});
afterAll(() => subgraph?.stop());

async function statementsFor(query: string) {
  const run = await subgraph.run(query);
  expect(run.errors).toBeUndefined();
  return run;
}

describe("per-request DataLoaders", () => {
  it("run the same number of SQL statements for all priorities and statistics however many rows there are", async () => {
    const seeded = await statementsFor(EVERYTHING);
    expect(seeded.data.priorities).toHaveLength(13);
    expect(seeded.data.crimeStatistics.length).toBeGreaterThan(20);

    subgraph.addRows(50, 1);
    const more = await statementsFor(EVERYTHING);
    expect(more.data.priorities).toHaveLength(63);

    subgraph.addRows(200, 2);
    const many = await statementsFor(EVERYTHING);
    expect(many.data.priorities).toHaveLength(263);

    expect(more.statements).toBe(seeded.statements);
    expect(many.statements).toBe(seeded.statements);
    // One statement per relation, not per row: far fewer than the rows returned.
    expect(many.statements).toBeLessThan(30);
  });
});
