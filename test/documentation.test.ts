/**
 * The documentation cannot rot: every GraphQL example of the README and the documents it
 * links runs against a system without errors, and every command they show runs as written:
 * one through `npx -y pnpm@10` itself, the others through the pnpm it runs (see asRun). A
 * system of this file's own: the examples write.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { GATEWAY_PORT, partnerships } from "@csg/schema";
import Database from "better-sqlite3";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { npxPnpm, repositoryRoot, runCommand } from "./support/commands";
import { DOCUMENTS, documentedCommands, fencedBlocks, pnpmScript } from "./support/documentation";
import { copySeededData } from "./support/seeded-data";
import { type InProcessTestSystem, startInProcessSystem } from "./support/in-process-system";
import { onFreePorts } from "./support/free-ports";

const scripts = Object.keys(JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")).scripts);
const commands = DOCUMENTS.flatMap(documentedCommands);
const examples = DOCUMENTS.flatMap((document) => fencedBlocks(document, "graphql"));

/**
 * The one documented command run through `npx -y pnpm@10` exactly as written, so that the way
 * a reader runs them all stays tested: the cheapest (the bundles' check under tsx and a help
 * text, about 3 s of CPU where a command's script under tsx takes 3-5 s). The others run as
 * `node <pnpm.cjs> <args>`, with the pnpm npx runs (see npxPnpm): npm's own start before
 * pnpm's cost 2.5-4.5 s of CPU a command here, some 60 s of this file's.
 */
const THROUGH_NPX = "npx -y pnpm@10 start --help";
const NPX_PNPM = "npx -y pnpm@10 ";
let pnpm: string;
const asRun = (command: string) =>
  command === THROUGH_NPX || !command.startsWith(NPX_PNPM)
    ? command
    : `node '${pnpm}' ${command.slice(NPX_PNPM.length)}`;

let t: InProcessTestSystem;
let scratch: string;
beforeAll(async () => {
  pnpm = await npxPnpm();
  // Hosted in this worker: the documented commands and examples need its data folder and
  // gateway, not its own processes (twelve more Node processes started for nothing).
  t = await startInProcessSystem();
  scratch = mkdtempSync(join(tmpdir(), "csg-docs-"));
  fillDownloads(join(scratch, "downloads"));
  // The walk-through imports into a system of its own, seeded as a first start leaves it (samples in).
  copySeededData(join(scratch, "national-walkthrough"));
});

/**
 * The national walk-through's downloads (schema/API.md), under the names it gives: the real
 * published files of ../shared/reference/real beside the clone where they are (linked, never
 * copied into the project), else the project's MADE-UP files in the same layouts. No real Home
 * Office table is there: the made-up one in the current edition's layout stands for it.
 */
const REAL = join(repositoryRoot, "..", "shared/reference/real");
const EDITIONS = join(repositoryRoot, "services/national/samples/editions");
function fillDownloads(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const real = (prefix: string) => (existsSync(REAL) ? readdirSync(REAL).find((f) => f.startsWith(prefix)) : undefined);
  const link = (name: string, realPrefix: string | null, madeUp: string) => {
    const found = realPrefix ? real(realPrefix) : undefined;
    symlinkSync(found ? join(REAL, found) : madeUp, join(folder, name));
  };
  link(
    "LAD24_CSP24_PFA24_EW_LU.csv",
    "Local_Authority_District_to_Community_Safety_Partnerships",
    join(EDITIONS, "sample-LAD24_CSP24_PFA24_EW_LU.csv"),
  );
  link("mye22final.xlsx", "mye22final.xlsx", join(EDITIONS, "sample-mid-2019-population-estimates.xlsx"));
  link("prc-csp-mar16-dec24-tables-240425.xlsx", null, join(EDITIONS, "sample-prc-csp-mar23-dec24-tables-240425.xlsx"));
  link(
    "2020-04-leicestershire-street.csv",
    "2020-04-leicestershire-street.csv",
    join(repositoryRoot, "services/national/samples/sample-2021-03-leicestershire-street.csv"),
  );
}
afterAll(async () => {
  await t?.stop();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(repositoryRoot, "headline.csv"), { force: true });
});

/**
 * Runs a documented command as written, from the repository's root, with the data folder of this
 * file's system; the national walk-through's imports in a data folder of their own (its real
 * files replace the samples the GraphQL examples below read), from the downloads filled above.
 */
function run(command: string, env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  const national = pnpmScript(command)?.startsWith("national:")
    ? { CSG_DATA_DIR: join(scratch, "national-walkthrough"), DOWNLOADS: join(scratch, "downloads") }
    : {};
  const child = spawn("bash", ["-c", asRun(command)], {
    cwd: repositoryRoot,
    env: { ...process.env, CSG_DATA_DIR: t.dataDir, ...national, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve) => child.once("close", (status) => resolve({ status, output })));
}

/**
 * Commands that depend on one another run in order, in one chain: the serving ones share
 * dist/ and one data folder; `tokens revoke` needs the id `tokens issue` printed;
 * `figures:import` reads the file `figures:export` wrote. Chains run side by side: each
 * command is mostly its own process starting. A source's --help under tsx reads neither
 * dist/ nor a data folder: it waits for no serving command.
 */
const chainOf = (text: string) => {
  const script = pnpmScript(text);
  if (script === undefined) return text.includes(" --help") ? "help" : "serving";
  return script === "start" || script === "serve" ? "serving" : script.split(":")[0];
};

/** What a serving command printed until it was ready, the arguments of each of its processes then, and its ports' offset. */
interface Served {
  output: string;
  processes: string[][];
  offset: number;
}

/**
 * A serving command as it runs once the test has given it its ports and data folder: the
 * README's `pnpm start` and OPERATIONS' `pnpm start --port-offset 100 --data-dir /var/lib/csg`
 * are then one command, started once for both (each start costs seconds of CPU), as the
 * fuller text, whose options it then reads.
 */
const placed = (command: string) => command.replace(/ --port-offset \S+/, "").replace(/ --data-dir \S+/, "");
const servedOnce = new Map<string, Promise<Served>>();
function serveOnce(command: string, ready: RegExp): Promise<Served> {
  const key = placed(command);
  const fullest = commands
    .map(({ text }) => text)
    .filter((text) => placed(text) === key)
    .reduce((a, b) => (b.length > a.length ? b : a), command);
  if (!servedOnce.has(key))
    servedOnce.set(
      key,
      runUntilReady(fullest, ready).then((served) => {
        // Once a start, however many documented commands it stands for.
        expectBundles(fullest, served.output);
        return served;
      }),
    );
  return servedOnce.get(key)!;
}

/**
 * Runs a documented command that serves until stopped, as written but for its ports and data
 * folder (kept clear of any other system), until it prints `ready`; then stops it.
 */
function runUntilReady(command: string, ready: RegExp): Promise<Served> {
  // Shifted by 70: ports x070 to x090 of the drawn slot, apart from the test systems' (x000 to x020).
  return onFreePorts((offset) => runOnPortsUntilReady(command, ready, offset), 70);
}

/** The arguments of a process group's processes: a command's, and those it started. */
function commandLines(group: number): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After the name in parentheses: state, parent, process group.
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== group) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(0, -1);
      // A process that has ended but not been waited for has none.
      if (args.length > 0) lines.push(args);
    } catch {
      // Ended between the listing and the reading.
    }
  }
  return lines;
}

async function runOnPortsUntilReady(command: string, ready: RegExp, offset: number): Promise<Served> {
  const rewritten = asRun(command)
    .replace(/--port-offset \d+/, `--port-offset ${offset}`)
    .replace(/--port \d+/, `--port ${4012 + offset}`)
    .replace(/--listen (\S+):\d+/, `--listen $1:${4012 + offset}`)
    .replace(/--data-dir \S+/, `--data-dir ${join(scratch, "data")}`);
  // A command that names its data folder or port offset must take them from its options: the
  // environment names another folder then, and no offset.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CSG_DATA_DIR: join(scratch, "data"),
    CSG_PORT_OFFSET: String(offset),
  };
  if (command.includes(" --data-dir ")) env.CSG_DATA_DIR = join(scratch, "not-the-data-dir-option");
  if (command.includes(" --port-offset ")) delete env.CSG_PORT_OFFSET;
  const child: ChildProcess = spawn("bash", ["-c", `exec ${rewritten}`], { cwd: repositoryRoot, env, detached: true });
  let output = "";
  let processes: string[][] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (ready.test(output)) resolve();
      };
      child.stdout!.on("data", collect);
      child.stderr!.on("data", collect);
      child.once("exit", (code) => reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`)));
    });
    processes = commandLines(child.pid!);
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // The command and its processes have already ended (it failed to start).
    }
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  }
  return { output, processes, offset };
}

/**
 * `pnpm start` and `pnpm serve` first bring dist/ up to date: the first of them here may build
 * it, every later one must find it up to date (no file changed since).
 */
const DIST = join(repositoryRoot, "dist");
let distBrought = false;
function expectBundles(command: string, output: string): void {
  const line = /The services' bundles in (\S+) are up to date\.|Built the services into (\S+) in /.exec(output);
  expect(line?.[1] ?? line?.[2], `${command}: dist/ first\n${output}`).toBe(DIST);
  if (distBrought) expect(line?.[0], `${command}: built again\n${output}`).toMatch(/up to date/);
  distBrought = true;
}

/**
 * The bundles (dist/<name>.mjs) a serving command's processes run, counted by name; no
 * process runs TypeScript (under tsx, or a .ts file).
 */
function bundlesRunning({ processes }: Served): Record<string, number> {
  const node = processes.filter(([program]) => basename(program) === "node");
  const typeScript = (arg: string) => /(^|\/)tsx(\/|$)/.test(arg) || arg.endsWith(".ts");
  expect(node.filter((args) => args.some(typeScript))).toEqual([]);
  const counts: Record<string, number> = {};
  // pnpm runs `node dist/start.mjs` from the repository's root; the launcher names its bundles in full.
  for (const module of node.flat().map((arg) => resolve(repositoryRoot, arg))) {
    if (dirname(module) === DIST && module.endsWith(".mjs")) {
      const name = basename(module, ".mjs");
      counts[name] = (counts[name] ?? 0) + 1;
    }
  }
  return counts;
}

describe("the documentation's commands", () => {
  it("name only this project's scripts, and no script shadows an npm or pnpm command", () => {
    const documented = new Set(commands.map((c) => pnpmScript(c.text)).filter(Boolean));
    // install and test are pnpm's own; every other documented name must be a script of ours.
    for (const name of documented) if (name !== "install") expect(scripts, `${name} is documented`).toContain(name);
    const npmAndPnpmCommands = [
      "token",
      "import",
      "add",
      "audit",
      "bin",
      "cache",
      "ci",
      "config",
      "create",
      "dedupe",
      "deploy",
      "dlx",
      "doctor",
      "env",
      "exec",
      "fetch",
      "help",
      "init",
      "install",
      "link",
      "list",
      "ls",
      "outdated",
      "pack",
      "patch",
      "prune",
      "publish",
      "rebuild",
      "remove",
      "root",
      "run",
      "search",
      "server",
      "setup",
      "store",
      "team",
      "unlink",
      "update",
      "version",
      "view",
      "why",
      "whoami",
    ];
    expect(scripts.filter((s) => npmAndPnpmCommands.includes(s))).toEqual([]);
  });

  it("run as written: tokens, spreadsheets, --help, a new partnership on copies, and the long-running ones until ready", {
    timeout: 600_000,
  }, async () => {
    const ran: string[] = [];
    let issuedCharnwood = "";
    const runOne = async ({ text, document, line }: (typeof commands)[number]) => {
      const script = pnpmScript(text);
      const where = `${document}:${line}: ${text}`;
      if (script === "start" && !text.includes("--help")) {
        const served = await serveOnce(text, /GraphQL endpoint: /);
        expect(served.output, where).toContain("Ready in");
        // On the ports and in the folder it was given (see runOnPortsUntilReady).
        expect(served.output, where).toMatch(
          new RegExp(`GraphQL endpoint: http://\\S+:${GATEWAY_PORT + served.offset}/graphql`),
        );
        expect(existsSync(join(scratch, "data", "county.db")), where).toBe(true);
        expect(existsSync(join(scratch, "not-the-data-dir-option")), where).toBe(false);
        // Every process from its bundle in dist/: the launcher, the gateway, and the one that
        // hosts every subgraph (pnpm start's default hosting).
        expect(bundlesRunning(served), where).toEqual({ start: 1, gateway: 1, subgraphs: 1 });
        for (const name of ["county", "national", ...partnerships.map((p) => p.code)])
          expect(served.output, where).toMatch(new RegExp(`^ {2}${name} +http://\\S+/graphql$`, "m"));
      } else if (script === "serve" && !text.includes("--help")) {
        const served = await serveOnce(text, /ready at /);
        expect(served.output, where).toMatch(/subgraph ready at http:\/\/localhost:\d+\/graphql/);
        expect(bundlesRunning(served), where).toEqual({ serve: 1 });
      } else if (text.startsWith("npx tsx services/")) {
        expect((await runUntilReady(text, /subgraph ready at /)).output, where).toContain("ready at");
      } else if (script === "partnership:add") {
        // On copies of the registry, datasets and generated schema, as test/new-partnership does.
        cpSync(join(repositoryRoot, "schema/registry/partnerships.json"), join(scratch, "partnerships.json"));
        cpSync(join(repositoryRoot, "schema/generated"), join(scratch, "generated"), { recursive: true });
        cpSync(join(repositoryRoot, "services/csp/datasets"), join(scratch, "datasets"), { recursive: true });
        const result = await run(text, {
          CSG_REGISTRY_FILE: join(scratch, "partnerships.json"),
          CSG_GENERATED_DIR: join(scratch, "generated"),
          CSG_DATASETS_DIR: join(scratch, "datasets"),
        });
        expect(result.output, where).toContain("Added Test Valley Community Safety Partnership");
        expect(result.status, where).toBe(0);
      } else {
        // The documented token id is an example: revoke the one issued above instead.
        const result = await run(text.replace("charnwood-3f9a2c1b", issuedCharnwood));
        expect(result.status, `${where}\n${result.output}`).toBe(0);
        if (script === "start") expectBundles(text, result.output);
        issuedCharnwood ||= /Issued token (charnwood-[0-9a-f]+)/.exec(result.output)?.[1] ?? "";
      }
      ran.push(text);
    };
    const chains = new Map<string, typeof commands>();
    // install is what .ci/run does first; test is this very run.
    for (const command of commands.filter(({ text }) => !["install", "test"].includes(pnpmScript(text) ?? ""))) {
      const chain = chainOf(command.text);
      chains.set(chain, [...(chains.get(chain) ?? []), command]);
    }
    await Promise.all(
      [...chains.values()].map(async (chain) => {
        for (const command of chain) await runOne(command);
      }),
    );
    expect(ran.length).toBeGreaterThanOrEqual(10);
    expect(ran).toContain(THROUGH_NPX);
    expect(existsSync(join(repositoryRoot, "headline.csv"))).toBe(true);
    // The national walk-through imported every kind of file as real, and no sample is left.
    const national = new Database(join(scratch, "national-walkthrough", "national.db"), { readonly: true });
    try {
      expect(national.prepare("select distinct kind from documents where sample = 0 order by 1").pluck().all()).toEqual(
        ["HOME_OFFICE_CSP_TABLE", "ONS_CSP_LOOKUP", "ONS_MID_YEAR_ESTIMATES", "POLICE_UK_STREET"],
      );
      const samples = national
        .prepare(
          "select count(*) from documents d where d.sample = 1 and (exists (select 1 from offence_counts o where o.document_id = d.id) or exists (select 1 from monthly_counts m where m.document_id = d.id))",
        )
        .pluck()
        .get();
      expect(samples).toBe(0);
    } finally {
      national.close();
    }
  });
});

describe("the documentation's GraphQL examples", () => {
  it("answer without errors, each mutation with a token of its scope", { timeout: 120_000 }, async () => {
    // The token commands' documentation is run above; here they are only a means.
    const token = async (scope: string[]) =>
      /^csg_\S+$/m.exec(
        (
          await runCommand("services/operator/src/admin/token-cli.ts", [
            "issue",
            ...scope,
            "--label",
            "Documentation test",
            "--data-dir",
            t.dataDir,
          ])
        ).stdout,
      )?.[0];
    const partnershipToken = await token(["--partnership", "charnwood"]);
    const countyToken = await token(["--county"]);
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const { document, line, text } of examples) {
      const mutation = text.trimStart().startsWith("mutation");
      const bearer = !mutation ? undefined : /^\s*charnwood\s*\{/m.test(text) ? partnershipToken : countyToken;
      const { data, errors } = await t.query(text, undefined, bearer);
      expect(errors, `${document}:${line}`).toBeUndefined();
      expect(data, `${document}:${line}`).toBeTruthy();
    }
  });
});
