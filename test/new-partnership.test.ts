import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot, runCommand } from "./support/commands";
import { onFreePorts } from "./support/free-ports";
import { TEST_BUNDLES } from "./support/test-bundles";

/**
 * `pnpm partnership:add` end to end, on copies of the registry, the datasets and
 * schema/generated (named by CSG_REGISTRY_FILE, CSG_DATASETS_DIR and CSG_GENERATED_DIR), so
 * the repository's own files are never touched: the whole system runs as `pnpm start` runs
 * it, before and after the partnership is added.
 */
let work: string;
let env: Record<string, string>;
let system: ChildProcess | undefined;
const realFiles = ["schema/registry/partnerships.json", "schema/generated", "services/csp/datasets"];
const snapshot = () =>
  realFiles.flatMap((path) => {
    const full = join(repositoryRoot, path);
    return statSync(full).isDirectory()
      ? readdirSync(full)
          .sort()
          .map((name) => [`${path}/${name}`, readFileSync(join(full, name), "utf8")])
      : [[path, readFileSync(full, "utf8")]];
  });
let before: string[][];

beforeAll(() => {
  before = snapshot();
  work = mkdtempSync(join(tmpdir(), "csg-new-partnership-"));
  cpSync(join(repositoryRoot, "schema/registry/partnerships.json"), join(work, "partnerships.json"));
  cpSync(join(repositoryRoot, "schema/generated"), join(work, "generated"), { recursive: true });
  cpSync(join(repositoryRoot, "services/csp/datasets"), join(work, "datasets"), { recursive: true });
  env = {
    CSG_REGISTRY_FILE: join(work, "partnerships.json"),
    CSG_GENERATED_DIR: join(work, "generated"),
    CSG_DATASETS_DIR: join(work, "datasets"),
    CSG_DATA_DIR: join(work, "data"),
  };
});

afterAll(async () => {
  await stopSystem();
  rmSync(work, { recursive: true, force: true });
});

let endpoint = "";
/** What the running `pnpm start` has printed so far. */
let startOutput = "";

/**
 * `pnpm start` with the copies, on ports clear of any other system (drawn again if another
 * test's system holds them); resolves when it prints its endpoint. It runs the launcher's bundle
 * that the tests built, as `pnpm start` runs dist/start.mjs.
 */
function startSystem(): Promise<void> {
  // Shifted by 40: ports x040 to x060 of the drawn slot, apart from the test systems' (x000 to x020).
  return onFreePorts(startOnPorts, 40);
}

function startOnPorts(portOffset: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [join(process.env[TEST_BUNDLES]!, "start.mjs"), "--port-offset", String(portOffset)],
    {
      cwd: repositoryRoot,
      env: { ...process.env, NODE_NO_WARNINGS: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  system = child;
  let output = "";
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      startOutput = output;
      const match = /GraphQL endpoint: (\S+)/.exec(output);
      if (match) {
        endpoint = match[1];
        resolve();
      }
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("exit", (code) => reject(new Error(`pnpm start exited (${code}) before it was ready:\n${output}`)));
  });
}

async function stopSystem(): Promise<void> {
  const child = system;
  system = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function query(text: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: text, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

// A document the partnership cites for the first time: with its title and publisher.
const SOURCE = {
  document: "test-valley-csp-plan-2021.pdf",
  locator: "Our priorities",
  title: "Test Valley Community Safety Plan 2021-24",
  publisher: "Test Valley Borough Council",
};

describe("a new partnership, added by the command", () => {
  // A system's start is a setup's work: the hooks' time (vitest.config.ts hookTimeout), not a test's minute.
  it("is unknown to the running system before it is added", { timeout: 180_000 }, async () => {
    await startSystem();
    const { data } = await query(`{ partnership(code: "test-valley") { name } partnerships { code } }`);
    expect(data.partnership).toBeNull();
    expect(data.partnerships).toHaveLength(9);
    // It prints the line that points the other commands at its data folder.
    await expect.poll(() => startOutput).toContain(`export CSG_DATA_DIR=${env.CSG_DATA_DIR}\n`);
    await stopSystem();
  });

  it("is added to the registry, given an empty dataset, and composed into the supergraph", async () => {
    const added = await runCommand(
      "services/operator/src/admin/partnership-add-cli.ts",
      [
        "--code",
        "test-valley",
        "--name",
        "Test Valley Community Safety Partnership",
        "--district",
        "Test Valley",
        "--ons-code",
        "E07000093",
      ],
      env,
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain(
      "Added Test Valley Community Safety Partnership: code test-valley, entity type TestValleyCsp, port 4020.",
    );
    const registry = JSON.parse(readFileSync(env.CSG_REGISTRY_FILE, "utf8"));
    expect(registry.partnerships.at(-1)).toEqual({
      code: "test-valley",
      name: "Test Valley Community Safety Partnership",
      entityTypeName: "TestValleyCsp",
      countyBoardMember: false,
      port: 4020,
      districts: [{ name: "Test Valley", onsCode: "E07000093", kind: "DISTRICT" }],
    });
    expect(JSON.parse(readFileSync(join(env.CSG_DATASETS_DIR, "test-valley.json"), "utf8")).plans).toEqual([]);
    const supergraph = readFileSync(join(env.CSG_GENERATED_DIR, "supergraph.graphql"), "utf8");
    expect(supergraph).toContain("testValley: TestValleyCspMutations! @join__field(graph: TEST_VALLEY)");
    expect(readdirSync(env.CSG_GENERATED_DIR)).toContain("test-valley.graphql");

    const again = await runCommand(
      "services/operator/src/admin/partnership-add-cli.ts",
      ["--code", "test-valley", "--name", "Another", "--district", "X", "--ons-code", "E07000130"],
      env,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--code: "test-valley" is already registered');
    expect(again.stderr).toContain("--ons-code: E07000130 is already covered by charnwood");
  });

  it("answers through the gateway after a restart, and publishes with its own token", {
    timeout: 180_000,
  }, async () => {
    await startSystem();
    const { data, errors } = await query(
      `{ partnership(code: "test-valley") { __typename name districts { onsCode } priorities { id } crimeStatistics { count } lastPublishedAt } partnerships { code } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.partnership).toEqual({
      __typename: "TestValleyCsp",
      name: "Test Valley Community Safety Partnership",
      districts: [{ onsCode: "E07000093" }],
      priorities: [],
      crimeStatistics: [],
      lastPublishedAt: null,
    });
    expect(data.partnerships.map((p: any) => p.code).at(-1)).toBe("test-valley");

    const issued = await runCommand(
      "services/operator/src/admin/token-cli.ts",
      ["issue", "--partnership", "test-valley", "--label", "Test Valley CSO"],
      env,
    );
    const token = issued.stdout.trim().split("\n").pop()!;
    const published = await query(
      `mutation($plan: PlanInput!, $figures: [CrimeStatisticInput!]!) { testValley {
        createPlan(input: $plan) { id }
        recordCrimeStatistics(statistics: $figures) { count }
      } }`,
      {
        plan: {
          id: "plan-2021-24",
          title: "Community Safety Plan 2021-24",
          period: { label: "2021-2024", start: "2021-04-01", end: "2024-03-31", basis: "PLAN_PERIOD" },
          source: SOURCE,
        },
        figures: [
          {
            category: "all-crime",
            localLabel: "Total crime",
            count: 7321,
            period: { label: "2020/21", start: "2020-04-01", end: "2021-03-31", basis: "FINANCIAL_YEAR" },
            source: SOURCE,
          },
        ],
      },
      token,
    );
    expect(published.errors).toBeUndefined();
    const priority = await query(
      `mutation($input: PriorityInput!) { testValley { createPriority(input: $input) { id period { label } } } }`,
      {
        input: {
          plan: "test-valley:plan-2021-24",
          theme: "Safer streets",
          title: "Reduce anti-social behaviour",
          source: SOURCE,
        },
      },
      token,
    );
    expect(priority.data.testValley.createPriority).toEqual({
      id: "test-valley:plan-2021-24-reduce-anti-social-behaviour",
      period: { label: "2021-2024" },
    });
    const read = await query(
      `{ partnership(code: "test-valley") { currentPriorities { title theme { title } csaAlignment { priority { id } basis } } crimeStatistics { count } lastPublishedAt } }`,
    );
    expect(read.data.partnership.currentPriorities).toEqual([
      {
        title: "Reduce anti-social behaviour",
        theme: { title: "Safer streets" },
        csaAlignment: [{ priority: { id: "reduce-asb" }, basis: "SUGGESTED" }],
      },
    ]);
    expect(read.data.partnership.crimeStatistics).toEqual([{ count: 7321 }]);
    expect(read.data.partnership.lastPublishedAt).not.toBeNull();
    await stopSystem();
  });

  it("left the repository's registry, datasets and generated schema as they were", () => {
    expect(snapshot()).toEqual(before);
  });
});
