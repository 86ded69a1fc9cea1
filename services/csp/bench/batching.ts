/**
 * `pnpm bench`: what one query over all of a partnership's priorities and statistics costs
 * as its data grows. Charnwood's seeded data is the baseline; each step adds priorities and
 * figures, and the table prints SQL statements and time per query as ratios to the baseline,
 * beside the ratio of rows served. Statements should stay at 1.00x; time should grow no
 * faster than rows.
 */
import { EVERYTHING, startCharnwoodSubgraph } from "../test/support/charnwood-subgraph";

const RUNS = 15;
const STEPS = [0, 100, 400, 1000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const subgraph = await startCharnwoodSubgraph();
try {
  for (let i = 0; i < 3; i++) await subgraph.run(EVERYTHING); // warm up
  const rows: { added: number; served: number; statements: number; ms: number }[] = [];
  let added = 0;
  for (const [round, target] of STEPS.entries()) {
    subgraph.addRows(target - added, round);
    added = target;
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await subgraph.run(EVERYTHING));
    const { data } = runs[0];
    const served = data.priorities.length + data.crimeStatistics.length;
    rows.push({ added, served, statements: runs[0].statements, ms: median(runs.map((r) => r.milliseconds)) });
  }
  const [base] = rows;
  console.log(`Query over all priorities and statistics, median of ${RUNS} runs (baseline: Charnwood as seeded)\n`);
  console.log("added rows | served | statements | ms/query | served x | statements x | time x");
  for (const r of rows) {
    console.log(
      [
        String(r.added).padStart(10),
        String(r.served).padStart(6),
        String(r.statements).padStart(10),
        r.ms.toFixed(1).padStart(8),
        (r.served / base.served).toFixed(2).padStart(8),
        (r.statements / base.statements).toFixed(2).padStart(12),
        (r.ms / base.ms).toFixed(2).padStart(6),
      ].join(" | "),
    );
  }
} finally {
  await subgraph.stop();
}
