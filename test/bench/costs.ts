/**
 * `pnpm bench:costs`: do costs grow with the data, not with its square? Prints
 *   1. the county's alignment query (which reads every partnership's figures) and a read of
 *      Blaby's figures with their differing figures, with 0, 1,000 and 10,000 figures of one
 *      category and period added to Blaby (each from another table, each another count: the
 *      worst case for differing figures);
 *   2. a spreadsheet import of 1,000, 10,000 and 100,000 figures, without problems and with
 *      every figure a problem (a negative count), each run alternating with its peer;
 *   3. year-on-year change and the county's crimeTotals with 1,000, 10,000 and 100,000 figures
 *      added to Charnwood: all in the category asked (all crime, one table, each with its year
 *      before: the worst case), and spread over every category (the shape of a spreadsheet
 *      import), each read the first time after the write (read and indexed afresh) and again;
 *   4. in this process, without HTTP: year-on-year change of every figure of one table through
 *      the index, and by scanning every figure for each (the rule as it was computed before).
 * Every subgraph is served in this process over real HTTP on fresh SQLite files. Linear
 * growth shows as "x per figure" staying near 1.00; quadratic growth multiplies it by ten at
 * every step.
 */
import { partnershipDatabase } from "@csg/service-runtime";
import {
  commandActor,
  type FigureRow,
  indexFigures,
  type PeriodRow,
  periodIdFor,
  precedesByOneYear,
  ValidationError,
} from "@csg/domain";
import { crimeCategories, requirePartnership, partnerships } from "@csg/schema";
import { startCountySubgraph } from "@csg/county-subgraph";
import { startCspSubgraph } from "@csg/csp-subgraph";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { ensureSeeded } from "../../services/csp/src/dataset/ensure-seeded";
import { openCspDatabase } from "../../services/csp/src/db/database";
import * as t from "../../services/csp/src/db/schema";
import { importStatistics } from "../../services/csp/src/spreadsheet/import";
import { madeTable } from "../support/figure-table";

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pad = (value: string | number, width: number) => String(value).padStart(width);

async function post(url: string, query: string, variables?: unknown, retried = false): Promise<number> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    // A kept-alive connection the server closed while this process was busy inserting: once more, on a new one.
    if (retried) throw error;
    return post(url, query, variables, true);
  }
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return performance.now() - started;
}

async function alignment(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "csg-bench-costs-"));
  // One at a time: type-graphql's metadata is global, so schemas are built one after another in a process.
  const csps: Awaited<ReturnType<typeof startCspSubgraph>>[] = [];
  for (const p of partnerships) csps.push(await startCspSubgraph({ partnership: p.code, port: 0, dataDir }));
  const county = await startCountySubgraph({
    port: 0,
    dataDir,
    partnershipSubgraphs: { urls: new Map(partnerships.map((p, i) => [p.code, csps[i].url])) },
  });
  const blaby = csps[partnerships.findIndex((p) => p.code === "blaby")];
  const ALIGNMENT = `{ county { alignment { uncoveredCsaPriorities { title } partnerships { partnership { code } coverage { csaPriority { id } status priorities { title } } gaps { title } } } } }`;
  const FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${requirePartnership("blaby").entityTypeName} { crimeStatistics { id count differingFigures { id } } } } }`;
  const representations = { r: [{ __typename: requirePartnership("blaby").entityTypeName, code: "blaby" }] };
  const period = { label: "2018/19", start: "2018-04-01", end: "2019-03-31", basis: "FINANCIAL_YEAR" as const };
  try {
    for (let i = 0; i < 3; i++) await post(county.url, ALIGNMENT); // warm up
    const rows: { figures: number; alignment: number; read: number }[] = [];
    let added = 0;
    for (const target of [0, 1000, 10_000]) {
      blaby.database.db.transaction((tx) => {
        const periodId = periodIdFor(tx, period);
        for (; added < target; added++) {
          tx.insert(t.crimeStatistics)
            .values({
              areaId: null,
              categoryId: "all-crime",
              localLabel: "All crime",
              count: 5000 + added,
              periodId,
              notes: [],
              sourceDocument: "bench.csv",
              sourceLocator: `Extract ${added + 1}`,
            })
            .run();
        }
      });
      const alignmentRuns: number[] = [];
      const readRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        alignmentRuns.push(await post(county.url, ALIGNMENT));
        readRuns.push(await post(blaby.url, FIGURES, representations));
      }
      rows.push({ figures: target, alignment: median(alignmentRuns), read: median(readRuns) });
    }
    console.log(
      `1. Blaby's figures of one category and period (all crime, 2018/19), median of ${RUNS} runs, alternating\n`,
    );
    console.log("added figures | county alignment ms | x step | Blaby's figures + differingFigures ms | x step");
    rows.forEach((r, i) => {
      const previous = rows[i - 1];
      console.log(
        [
          pad(r.figures, 13),
          pad(r.alignment.toFixed(1), 19),
          pad(previous ? (r.alignment / previous.alignment).toFixed(2) : "", 6),
          pad(r.read.toFixed(1), 37),
          pad(previous ? (r.read / previous.read).toFixed(2) : "", 6),
        ].join(" | "),
      );
    });
    console.log("(figures x10 from 1,000 to 10,000: linear is about x10, quadratic about x100)\n");
  } finally {
    await county.stop();
    await Promise.all(csps.map((c) => c.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function importOnce(figures: number, problems: boolean): { ms: number; outcome: string } {
  const dataDir = mkdtempSync(join(tmpdir(), "csg-bench-import-"));
  const database = openCspDatabase(join(dataDir, partnershipDatabase("blaby")));
  try {
    ensureSeeded(database.db, "blaby");
    const table = madeTable({ figures, locator: "Bench import", badCells: problems ? figures : 0 });
    const started = performance.now();
    let outcome: string;
    try {
      const { plan } = importStatistics(database.db, requirePartnership("blaby"), "bench.csv", table.csv, {
        dryRun: false,
        actor: commandActor("bench"),
      });
      outcome = `${plan.additions.length} added`;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      outcome = `${error.issues.length} problems`;
    }
    return { ms: performance.now() - started, outcome };
  } finally {
    database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function imports(): void {
  console.log(
    `2. figures:import of a made-up table (${crimeCategories.length} category rows, as many period columns as needed), one run each, alternating\n`,
  );
  console.log(
    "figures | without problems ms | outcome        | ms per 1,000 | with every figure a problem ms | outcome          | ms per 1,000",
  );
  for (const figures of [1000, 10_000, 100_000]) {
    const good = importOnce(figures, false);
    const bad = importOnce(figures, true);
    console.log(
      [
        pad(figures, 7),
        pad(good.ms.toFixed(0), 19),
        good.outcome.padEnd(14),
        pad(((good.ms / figures) * 1000).toFixed(1), 12),
        pad(bad.ms.toFixed(0), 30),
        bad.outcome.padEnd(16),
        pad(((bad.ms / figures) * 1000).toFixed(1), 12),
      ].join(" | "),
    );
  }
  console.log("(linear: ms per 1,000 figures about constant; quadratic: x10 at every step)");
}

/** `n` all-crime figures of one table, rolling 12 months from consecutive days (most with the figure a year before). */
function addOneTable(database: ReturnType<typeof openCspDatabase>, from: number, to: number): void {
  const day = (offset: number) => new Date(Date.UTC(1990, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  database.db.transaction((tx) => {
    for (let i = from; i < to; i++) {
      // 20,000 starts (1990 to 2044), then longer spans: every period distinct.
      const start = i % 20_000;
      const extra = Math.floor(i / 20_000);
      const id = `bench-${i}`;
      tx.insert(t.periods)
        .values({
          id,
          label: `Bench ${i}`,
          start: day(start),
          end: day(start + 364 + extra),
          basis: "ROLLING_12_MONTHS",
        })
        .run();
      tx.insert(t.crimeStatistics)
        .values({
          areaId: null,
          categoryId: "all-crime",
          localLabel: "All crime",
          count: 1000 + (i % 977),
          periodId: id,
          notes: [],
          sourceDocument: "bench.csv",
          sourceLocator: "One table",
        })
        .run();
    }
  });
}

async function yearOnYear(): Promise<void> {
  const TOTALS = `{ county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") { total complete partnerships { partnership { code } count change { difference } } } } }`;
  const figuresOf = (code: string) =>
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${requirePartnership(code).entityTypeName} { crimeStatistics(category: "all-crime") { id count change { difference previous { id } } } } } }`;
  const representationsOf = (code: string) => ({ r: [{ __typename: requirePartnership(code).entityTypeName, code }] });
  const rows: {
    shape: string;
    figures: number;
    changeCold: number;
    changeWarm: number;
    totalsCold: number;
    totalsWarm: number;
  }[] = [];
  // One system (type-graphql builds a schema once per process): first Blaby's import, then Charnwood's one table.
  const dataDir = mkdtempSync(join(tmpdir(), "csg-bench-change-"));
  const csps: Awaited<ReturnType<typeof startCspSubgraph>>[] = [];
  for (const p of partnerships) csps.push(await startCspSubgraph({ partnership: p.code, port: 0, dataDir }));
  const county = await startCountySubgraph({
    port: 0,
    dataDir,
    partnershipSubgraphs: { urls: new Map(partnerships.map((p, i) => [p.code, csps[i].url])), timeoutMs: 60_000 },
  });
  try {
    for (let i = 0; i < 3; i++) await post(county.url, TOTALS); // warm up
    for (const [shape, code] of [
      ["every category", "blaby"],
      ["one table", "charnwood"],
    ] as const) {
      const csp = csps[partnerships.findIndex((p) => p.code === code)];
      let added = 0;
      for (const target of [1000, 10_000, 100_000]) {
        if (shape === "one table") addOneTable(csp.database, added, target);
        else {
          const table = madeTable({ figures: target - added, locator: `Bench import ${target}` });
          importStatistics(csp.database.db, requirePartnership(code), "bench.csv", table.csv, {
            dryRun: false,
            actor: commandActor("bench"),
          });
        }
        added = target;
        // First: the first read after the write reads and indexes the figures; then the same again, kept.
        const read = () => post(csp.url, figuresOf(code), representationsOf(code));
        const changeCold = await read();
        const changeWarm = median([await read(), await read(), await read()]);
        // A new revision, read afresh by both: any committed write changes it (this connection's
        // total_changes()); this one records a publication, as every write does.
        csp.database.db.run(sql`update publication_state set last_published_at = ${new Date().toISOString()}`);
        const totalsCold = await post(county.url, TOTALS);
        const totalsWarm = median([
          await post(county.url, TOTALS),
          await post(county.url, TOTALS),
          await post(county.url, TOTALS),
        ]);
        rows.push({ shape: `${code}, ${shape}`, figures: target, changeCold, changeWarm, totalsCold, totalsWarm });
      }
    }
  } finally {
    await county.stop();
    await Promise.all(csps.map((c) => c.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    "\n3. Figures added to a partnership: its all-crime figures with change (direct to its subgraph), and the county's crimeTotals (all crime 2017/18)\n",
  );
  console.log("added to                  | figures | change, first ms | again ms | crimeTotals, first ms | again ms");
  for (const r of rows) {
    console.log(
      [
        r.shape.padEnd(25),
        pad(r.figures, 7),
        pad(r.changeCold.toFixed(0), 16),
        pad(r.changeWarm.toFixed(0), 8),
        pad(r.totalsCold.toFixed(0), 21),
        pad(r.totalsWarm.toFixed(0), 8),
      ].join(" | "),
    );
  }
  console.log(
    '("first": the first read after a write, which reads and indexes the figures again; "again": median of 3, kept per revision)',
  );
  console.log(
    "(every category: a spreadsheet's shape, the county reads one category's share; one table: every figure is all crime with a year before, the county reads them all)",
  );
}

/** Section 4: the index against the scan it replaced, on the same figures. */
function changeInProcess(): void {
  console.log(
    "\n4. year-on-year change of every figure of one table, in this process: index vs scan (the rule before), one run each\n",
  );
  console.log("figures | index ms | scan ms | scan / index | changes found (both)");
  for (const n of [1000, 3000, 10_000, 100_000]) {
    const periods = new Map<string, PeriodRow>();
    const rows: FigureRow[] = [];
    for (let i = 0; i < n; i++) {
      // 20 days from each day from 1990 (to 2263 for 100,000): most have the span a year before.
      const day = (offset: number) => new Date(Date.UTC(1990, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
      periods.set(`p${i}`, {
        id: `p${i}`,
        label: `p${i}`,
        start: day(i),
        end: day(i + 19),
        basis: "PART_YEAR",
        note: null,
      });
      rows.push({
        id: i,
        categoryId: "all-crime",
        localLabel: "All crime",
        count: 1000 + i,
        periodId: `p${i}`,
        notes: [],
        sourceDocument: "made.csv",
        sourceLocator: "One table",
      });
    }
    const describe = (row: FigureRow) => ({
      category: row.categoryId,
      scope: "",
      document: row.sourceDocument,
      locator: row.sourceLocator,
      count: row.count,
      period: periods.get(row.periodId)!,
    });
    let started = performance.now();
    const index = indexFigures(rows, periods, () => "");
    const indexed = rows.filter((row) => index.change(row) !== null).length;
    const indexMs = performance.now() - started;
    if (n > 3000) {
      // The scan of 10,000 takes minutes on a loaded machine: index only.
      console.log(
        [pad(n, 7), pad(indexMs.toFixed(1), 8), pad("-", 7), pad("-", 12), pad(`${indexed}`, 20)].join(" | "),
      );
      continue;
    }
    started = performance.now();
    const scanned = rows.filter((row) => {
      const self = describe(row);
      return rows.some((candidate) => {
        const other = describe(candidate);
        return (
          other.category === self.category &&
          other.document === self.document &&
          other.locator === self.locator &&
          precedesByOneYear(other.period, self.period)
        );
      });
    }).length;
    const scanMs = performance.now() - started;
    console.log(
      [
        pad(n, 7),
        pad(indexMs.toFixed(1), 8),
        pad(scanMs.toFixed(0), 7),
        pad((scanMs / indexMs).toFixed(0), 12),
        pad(`${indexed} (${scanned})`, 20),
      ].join(" | "),
    );
  }
  console.log(
    "(the scan grows with the square of the figures: x3 figures, about x9 time; the index linearly: x10, about x10)",
  );
}

// `--only 3`: one section (e.g. while working on it).
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
if (!only || only === "1") await alignment();
if (!only || only === "2") imports();
if (!only || only === "3") await yearOnYear();
if (!only || only === "4") changeInProcess();
