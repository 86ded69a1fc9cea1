/**
 * Query planning time and memory against the depth of the entity cycle
 * `partnership { nationalPosition { partnership { nationalPosition ... } } }` (county and
 * national subgraphs in turn), with @apollo/query-planner as the gateway runs it. Each
 * depth is planned in a child process of its own with a capped heap and a time limit, so a
 * plan that runs out of memory ends only that child. Prints one line per depth.
 *
 *   npx tsx gateway/bench/plan-cycles.ts [maxDepth=5] [--heap-mb 1024] [--timeout-s 60] [--paths-limit N] [--shape one|every|aliases]
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";
import { type Shape, entityCycle } from "./entity-cycle";

const SUPERGRAPH = new URL("../../schema/generated/supergraph.graphql", import.meta.url);

function option(name: string, fallback: number | null): number | null {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

async function planOnce(levels: number, shape: Shape, pathsLimit: number | null): Promise<void> {
  // The planner the gateway uses, resolved from the gateway's own dependencies.
  const require = createRequire(createRequire(import.meta.url).resolve("@apollo/gateway"));
  const { QueryPlanner } = require("@apollo/query-planner");
  const { Supergraph, operationFromDocument } = require("@apollo/federation-internals");
  const supergraph = Supergraph.build(readFileSync(SUPERGRAPH, "utf8"));
  const planner = new QueryPlanner(supergraph, pathsLimit ? { debug: { pathsLimit } } : {});
  const operation = operationFromDocument(supergraph.schema, parse(entityCycle(levels, shape)), { validate: true });
  const started = performance.now();
  let outcome = "planned";
  try {
    const plan = planner.buildQueryPlan(operation);
    outcome = `planned (${JSON.stringify(plan).length} bytes of plan)`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 80)}`;
  }
  const ms = performance.now() - started;
  const mb = (bytes: number) => Math.round(bytes / 1e6);
  console.log(
    JSON.stringify({
      levels,
      shape,
      ms: Math.round(ms),
      rssMb: mb(process.memoryUsage().rss),
      heapMb: mb(process.memoryUsage().heapUsed),
      outcome,
    }),
  );
}

if (process.argv[2] === "--child") {
  await planOnce(Number(process.argv[3]), process.argv[4] as Shape, option("--paths-limit", null));
} else {
  const maxDepth = Number(process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : 5);
  const heapMb = option("--heap-mb", 1024)!;
  const timeoutS = option("--timeout-s", 60)!;
  const pathsLimit = option("--paths-limit", null);
  const shapeAt = process.argv.indexOf("--shape");
  const shape = (shapeAt === -1 ? "one" : process.argv[shapeAt + 1]) as Shape;
  console.log(`shape ${shape}, heap ${heapMb} MB, timeout ${timeoutS} s, pathsLimit ${pathsLimit ?? "none"}`);
  for (let levels = 0; levels <= maxDepth; levels++) {
    const started = Date.now();
    const child = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${heapMb}`,
        "--import",
        "tsx",
        fileURLToPath(import.meta.url),
        "--child",
        String(levels),
        shape,
        ...(pathsLimit ? ["--paths-limit", String(pathsLimit)] : []),
      ],
      { encoding: "utf8", timeout: timeoutS * 1000 },
    );
    const line = child.stdout.trim().split("\n").pop();
    if (child.status === 0 && line) console.log(line);
    else
      console.log(
        JSON.stringify({
          levels,
          shape,
          ms: Date.now() - started,
          outcome:
            child.signal === "SIGTERM"
              ? `no plan within ${timeoutS} s`
              : `child died (${child.signal ?? child.status}): ${/heap out of memory/.test(child.stderr) ? "heap out of memory" : child.stderr.slice(-120)}`,
        }),
      );
  }
}
