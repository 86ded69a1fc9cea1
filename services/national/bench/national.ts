/**
 * pnpm bench:national [--csps 300] [--dir /tmp/csg-national-bench]
 *
 * Imports a generated national table (300 CSPs x 5 years x 4 quarters x 146 offence codes,
 * about a million rows; made-up counts) as CSV, ODS and XLSX, each in a fresh process and
 * database, beside a table a tenth the size (30 CSPs) as the baseline for "memory stays
 * flat", alternating small and full, with each format's time as a ratio of the CSV's in the
 * same run (absolute times move with the machine's load; ratios much less); then times nationalComparison over the full database
 * through the national subgraph's HTTP endpoint beside the seeded samples. Prints figures;
 * asserts nothing. --queries-only times the comparisons over the full database an earlier run kept.
 */
import { readCommandLine, NATIONAL_DATABASE } from "@csg/service-runtime";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startNationalSubgraph } from "../src/server";
import { type BenchFiles, benchFiles, generateNationalTable } from "./generate-national-table";

const command = readCommandLine({
  summary:
    "Generates a full-size national table, imports it as CSV, ODS and XLSX (each in its own process) beside a tenth-size one, and times nationalComparison over HTTP.",
  usage: ["pnpm bench:national [--dir <folder>] [--csps <n>] [--regenerate] [--queries-only]"],
  options: {
    dir: {
      type: "string",
      value: "<folder>",
      env: "CSG_BENCH_DIR",
      default: join(tmpdir(), "csg-national-bench"),
      description: "Where the generated files and databases go (kept between runs).",
    },
    csps: {
      type: "string",
      value: "<n>",
      env: "CSG_BENCH_CSPS",
      default: "300",
      description: "How many CSPs the full-size table has.",
    },
    regenerate: { type: "boolean", description: "Generate the tables again even if they exist." },
    "queries-only": {
      type: "boolean",
      description: "Only time nationalComparison over an already imported full table.",
    },
  },
});
const dir = command.string("dir")!;
const csps = command.integer("csps")!;
const importOnce = fileURLToPath(new URL("./import-once.ts", import.meta.url));
const root = fileURLToPath(new URL("../../..", import.meta.url));

async function files(count: number): Promise<BenchFiles> {
  const started = performance.now();
  const reused = benchFiles(dir, count);
  if (!command.flag("regenerate") && Object.values(reused).every((f) => typeof f === "number" || existsSync(f))) {
    console.log(`reused ${count} CSPs: ${reused.rows} rows in ${dir} (--regenerate 1 to build again)`);
    return reused;
  }
  const generated = await generateNationalTable(dir, count);
  console.log(
    `generated ${count} CSPs: ${generated.rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s) in ${dir}`,
  );
  return generated;
}

function runImport(set: BenchFiles, format: "csv" | "ods" | "xlsx", keepDir?: string) {
  const dataDir = keepDir ?? mkdtempSync(join(tmpdir(), "csg-national-bench-db-"));
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", importOnce, dataDir, set.lookup, set.populations, set[format]],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Record<string, number>;
}

console.log(
  `Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${(await import("node:os")).cpus().length} CPUs (${(await import("node:os")).cpus()[0]?.model}), load ${(
    await import("node:os")
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
const small = await files(Math.round(csps / 10));
const full = await files(csps);

const fullDb = join(dir, "full-db");
const queriesOnly = command.flag("queries-only") && existsSync(join(fullDb, NATIONAL_DATABASE));
if (!queriesOnly) {
  rmSync(fullDb, { recursive: true, force: true });
  mkdirSync(fullDb, { recursive: true });
  console.log(
    "\nformat,csps,rows,seconds,x_csv_time,rows_per_second,rss_before_mb,rss_peak_while_streaming_first_quarter_mb,rss_last_sample_while_streaming_mb,max_rss_mb",
  );
  const csvSeconds = new Map<string, number>();
  for (const format of ["csv", "ods", "xlsx"] as const) {
    for (const [label, set] of [
      ["small", small],
      ["full", full],
    ] as const) {
      const keep = format === "csv" && label === "full" ? fullDb : undefined;
      const r = runImport(set, format, keep);
      if (format === "csv") csvSeconds.set(label, r.seconds);
      const ratio = (r.seconds / csvSeconds.get(label)!).toFixed(2);
      console.log(
        [
          format,
          label === "small" ? Math.round(csps / 10) : csps,
          r.rows,
          r.seconds.toFixed(1),
          ratio,
          r.rowsPerSecond,
          r.rssBeforeMb,
          r.streamingRssFirstQuarterMb,
          r.streamingRssLastSampleMb,
          r.maxRssMb,
        ].join(","),
      );
    }
  }
} else console.log(`\n(--queries-only: the full database of an earlier run, ${fullDb})`);

// nationalComparison through the subgraph's HTTP endpoint: over the full database, and over the
// seeded samples (26 areas) as the baseline, alternating. CPU ms is this process's CPU time
// (client and subgraph both run here): less disturbed by other load on the machine than wall time.
const sampleDb = mkdtempSync(join(tmpdir(), "csg-national-bench-sample-"));
const served = {
  full: await startNationalSubgraph({ port: 0, dataDir: fullDb }),
  sample: await startNationalSubgraph({ port: 0, dataDir: sampleDb }),
};
const query = (category: string, year: string) =>
  JSON.stringify({
    query: `{ nationalComparison(category: "${category}", financialYear: "${year}") { complete rows { csp { name code policeForce } count ratePer1000 rank rankByRate forcePosition { rank } } sources { document locator } } }`,
  });
async function once(url: string, body: string): Promise<{ wall: number; cpu: number; rows: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const json = (await response.json()) as { errors?: unknown; data?: { nationalComparison: { rows: unknown[] } } };
  if (json.errors || !json.data) throw new Error(JSON.stringify(json.errors));
  const used = process.cpuUsage(cpu);
  return {
    wall: performance.now() - started,
    cpu: (used.user + used.system) / 1000,
    rows: json.data.nationalComparison.rows.length,
  };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log("\nquery,database,rows_returned,runs,median_wall_ms,median_cpu_ms,cpu_x_baseline");
const RUNS = 21;
for (const [category, year, sampleYear] of [
  ["all-crime", "2023/24", "2020/21"],
  ["burglary-residential", "2021/22", "2020/21"],
  ["violence-with-injury", "2019/20", "2019/20"],
]) {
  const results = {
    full: [] as { wall: number; cpu: number; rows: number }[],
    sample: [] as { wall: number; cpu: number; rows: number }[],
  };
  for (let i = 0; i < 3; i++) {
    // warm
    await once(served.full.url, query(category, year));
    await once(served.sample.url, query(category, sampleYear));
  }
  for (let i = 0; i < RUNS; i++) {
    results.sample.push(await once(served.sample.url, query(category, sampleYear)));
    results.full.push(await once(served.full.url, query(category, year)));
  }
  const base = median(results.sample.map((r) => r.cpu));
  for (const [label, list, y] of [
    ["sample (baseline)", results.sample, sampleYear],
    ["full", results.full, year],
  ] as const) {
    const cpu = median(list.map((r) => r.cpu));
    console.log(
      [
        `nationalComparison(${category} ${y})`,
        label,
        list[0].rows,
        RUNS,
        median(list.map((r) => r.wall)).toFixed(1),
        cpu.toFixed(1),
        (cpu / base).toFixed(2),
      ].join(","),
    );
  }
}
await served.full.stop();
await served.sample.stop();
rmSync(sampleDb, { recursive: true, force: true });
