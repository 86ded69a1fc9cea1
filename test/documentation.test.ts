/**
 * The documentation cannot rot: every GraphQL example of the README and the documents it
 * links runs against a system without errors, and every command they show runs as written,
 * through `npx -y pnpm@10`. A system of this file's own: the examples write.
 */
import { type ChildProcess, spawn } from "node:child_process";
import Database from "better-sqlite3";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositoryRoot, runCommand } from "./support/commands";
import { DOCUMENTS, documentedCommands, fencedBlocks, pnpmScript } from "./support/documentation";
import { copySeededData } from "./support/seeded-data";
import { type InProcessTestSystem, startInProcessSystem } from "./support/in-process-system";
import { onFreePorts } from "./support/system";

const scripts = Object.keys(JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")).scripts);
const commands = DOCUMENTS.flatMap(documentedCommands);
const examples = DOCUMENTS.flatMap((document) => fencedBlocks(document, "graphql"));

let t: InProcessTestSystem;
let scratch: string;
beforeAll(async () => {
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
  const child = spawn("bash", ["-c", command], {
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

/**
 * Runs a documented command that serves until stopped, as written but for its ports and data
 * folder (kept clear of any other system), until it prints `ready`; then stops it.
 */
function runUntilReady(command: string, ready: RegExp): Promise<string> {
  // Shifted by 70: ports x070 to x090 of the drawn slot, apart from the test systems' (x000 to x020).
  return onFreePorts((offset) => runOnPortsUntilReady(command, ready, offset), 70);
}

async function runOnPortsUntilReady(command: string, ready: RegExp, offset: number): Promise<string> {
  const rewritten = command
    .replace(/--port-offset \d+/, "")
    .replace(/--port \d+/, `--port ${4012 + offset}`)
    .replace(/--listen (\S+):\d+/, `--listen $1:${4012 + offset}`)
    .replace(/--data-dir \S+/, "");
  const child: ChildProcess = spawn("bash", ["-c", `exec ${rewritten}`], {
    cwd: repositoryRoot,
    env: { ...process.env, CSG_DATA_DIR: join(scratch, "data"), CSG_PORT_OFFSET: String(offset) },
    detached: true,
  });
  let output = "";
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
  } finally {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // The command and its processes have already ended (it failed to start).
    }
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
  }
  return output;
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
        expect(await runUntilReady(text, /GraphQL endpoint: /), where).toContain("Ready in");
      } else if (script === "serve" && !text.includes("--help")) {
        expect(await runUntilReady(text, /ready at /), where).toMatch(
          /subgraph ready at http:\/\/localhost:\d+\/graphql/,
        );
      } else if (text.startsWith("npx tsx services/")) {
        expect(await runUntilReady(text, /subgraph ready at /), where).toContain("ready at");
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
