/**
 * One benchmark import in its own process (so its peak memory is its own): a fresh database,
 * the reference, the bench lookup and estimates, then the table, timed. Prints one JSON line.
 *   tsx services/national/bench/import-once.ts <data-dir> <lookup> <populations> <table>
 */
import { NATIONAL_DATABASE } from "@csg/service-runtime";
import { join } from "node:path";
import { openNationalDatabase, sqliteOf } from "../src/db/database";
import { importNationalFile } from "../src/import/import-file";
import { seedReference } from "../src/reference/seed-reference";

const [dataDir, lookup, populations, table] = process.argv.slice(2);
const database = openNationalDatabase(join(dataDir, NATIONAL_DATABASE));
const sqlite = sqliteOf(database);
sqlite.transaction(() => seedReference(sqlite))();
await importNationalFile(sqlite, lookup);
await importNationalFile(sqlite, populations);

// RSS sampled through the import (when the event loop is free: while rows stream in); the
// true peak, including the set operations at the end, is the process's maxRSS.
const samples: { at: number; rss: number }[] = [];
const baseline = process.memoryUsage().rss;
const started = performance.now();
const timer = setInterval(() => samples.push({ at: performance.now() - started, rss: process.memoryUsage().rss }), 50);
const result = await importNationalFile(sqlite, table);
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
const total = performance.now() - started;
const peakOf = (from: number, to: number) =>
  Math.max(...samples.filter((s) => s.at >= from * total && s.at <= to * total).map((s) => s.rss), 0);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
database.close();
console.log(
  JSON.stringify({
    rows: result.rows,
    seconds,
    rowsPerSecond: Math.round(result.rows / seconds),
    rssBeforeMb: mb(baseline),
    peakRssMb: mb(Math.max(...samples.map((s) => s.rss), baseline)),
    streamingRssFirstQuarterMb: mb(peakOf(0, 0.25)),
    streamingRssLastSampleMb: mb(samples.at(-1)?.rss ?? 0),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
