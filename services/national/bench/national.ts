/**
 * pnpm bench:national [--csps 300] [--dir /tmp/csg-national-bench]
 *
 * Imports a generated national table (300 CSPs x 5 years x 4 quarters x 146 offence codes,
 * about a million rows; made-up counts) as CSV and as ODS, each in a fresh process and
 * database, beside a table a tenth the size (30 CSPs) as the baseline for "memory stays
 * flat", alternating small and full; then times nationalComparison over the full database
 * through the national subgraph's HTTP endpoint. Prints figures; asserts nothing.
 */
import { option } from "@csg/service-runtime";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startNationalSubgraph } from "../src/server";
import { type BenchFiles, benchFiles, generateNationalTable } from "./generate-national-table";

const dir = option("dir", "CSG_BENCH_DIR", join(tmpdir(), "csg-national-bench"))!;
const csps = Number(option("csps", "CSG_BENCH_CSPS", "300"));
const importOnce = fileURLToPath(new URL("./import-once.ts", import.meta.url));
const root = fileURLToPath(new URL("../../..", import.meta.url));

async function files(count: number): Promise<BenchFiles> {
  const started = performance.now();
  const reused = benchFiles(dir, count);
  if (!option("regenerate", "CSG_BENCH_REGENERATE") && Object.values(reused).every((f) => typeof f === "number" || existsSync(f))) {
    console.log(`reused ${count} CSPs: ${reused.rows} rows in ${dir} (--regenerate 1 to build again)`);
    return reused;
  }
  const generated = await generateNationalTable(dir, count);
  console.log(`generated ${count} CSPs: ${generated.rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s) in ${dir}`);
  return generated;
}

function runImport(set: BenchFiles, format: "csv" | "ods", keepDir?: string) {
  const dataDir = keepDir ?? mkdtempSync(join(tmpdir(), "csg-national-bench-db-"));
  const out = execFileSync(process.execPath, ["--import", "tsx", importOnce, dataDir, set.lookup, set.populations, set[format]], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  if (!keepDir) rmSync(dataDir, { recursive: true, force: true });
  return JSON.parse(out.trim().split("\n").at(-1)!) as Record<string, number>;
}

console.log(`Machine: ${process.platform} ${process.arch}, Node ${process.version}, ${(await import("node:os")).cpus().length} CPUs (${(await import("node:os")).cpus()[0]?.model}), load ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
const small = await files(Math.round(csps / 10));
const full = await files(csps);

console.log("\nformat,csps,rows,seconds,rows_per_second,rss_before_mb,rss_peak_while_streaming_first_quarter_mb,rss_last_sample_while_streaming_mb,max_rss_mb");
const fullDb = mkdtempSync(join(tmpdir(), "csg-national-bench-full-"));
for (const format of ["csv", "ods"] as const) {
  for (const [label, set] of [["small", small], ["full", full]] as const) {
    const keep = format === "csv" && label === "full" ? fullDb : undefined;
    const r = runImport(set, format, keep);
    console.log([format, label === "small" ? Math.round(csps / 10) : csps, r.rows, r.seconds.toFixed(1), r.rowsPerSecond, r.rssBeforeMb, r.streamingRssFirstQuarterMb, r.streamingRssLastSampleMb, r.maxRssMb].join(","));
  }
}

// nationalComparison over the full database, through the subgraph's HTTP endpoint.
const subgraph = await startNationalSubgraph({ port: 0, dataDir: fullDb });
const query = (category: string, year: string) =>
  JSON.stringify({ query: `{ nationalComparison(category: "${category}", financialYear: "${year}") { complete rows { csp { name code policeForce } count ratePer1000 rank rankByRate forcePosition { rank } } sources { document locator } } }` });
async function time(body: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    const json = (await response.json()) as { errors?: unknown; data?: { nationalComparison: { rows: unknown[] } } };
    if (json.errors || !json.data) throw new Error(JSON.stringify(json.errors));
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}
console.log("\nquery,rows_returned,runs,median_ms,p90_ms,max_ms");
for (const [category, year] of [["all-crime", "2023/24"], ["burglary-residential", "2021/22"], ["violence-with-injury", "2019/20"]]) {
  await time(query(category, year), 3); // warm
  const times = await time(query(category, year), 30);
  const rows = ((await (await fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json" }, body: query(category, year) })).json()) as any).data.nationalComparison.rows.length;
  console.log([`nationalComparison(${category} ${year})`, rows, times.length, times[15].toFixed(1), times[27].toFixed(1), times[29].toFixed(1)].join(","));
}
await subgraph.stop();
rmSync(fullDb, { recursive: true, force: true });
