import { COMMAND_BUNDLES } from "@csg/operator/bundles";
import { execFile, spawn } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TEST_BUNDLES } from "./test-bundles";

export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface CommandResult {
  /** The exit code; null when the command was killed (as after its timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** How long a command may run before it is stopped (SIGTERM). */
const TIMEOUT_MS = 120_000;

/**
 * The module that runs a command's source: its bundle among the tests' bundles (built with the
 * commands' by the end-to-end setup: node starts it in a fraction of the time tsx takes to start
 * and compile), else the source itself under tsx.
 */
function commandModule(script: string): string[] {
  const bundles = process.env[TEST_BUNDLES];
  if (!bundles) return ["--import", "tsx", script];
  const bundle = Object.entries(COMMAND_BUNDLES).find(([, source]) => source === script)?.[0];
  if (!bundle) throw new Error(`${script} has no bundle: add it to COMMAND_BUNDLES (services/operator/src/bundles)`);
  return [join(bundles, `${bundle}.mjs`)];
}

/**
 * Runs one of the project's commands (what `pnpm <script>` runs) as its own process, from the
 * repository's root, from its bundle (see commandModule). It never blocks this process: servers
 * a test hosts here keep answering the command while it runs.
 */
export function runCommand(script: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...commandModule(script), ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, NODE_NO_WARNINGS: "1", ...env },
      timeout: TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * The pnpm that `npx -y pnpm@10` runs (bin/pnpm.cjs in npx's cache), for running documented
 * `npx -y pnpm@10 <args>` commands as `node <it> <args>`: npm's start before it is about 2.5 s of
 * CPU a command. The pnpm running this test run when it is a pnpm 10 (`npx -y pnpm@10 test`
 * names it in npm_execpath), else the one npx resolves for that package (one npx start).
 */
export async function npxPnpm(): Promise<string> {
  const running = process.env.npm_execpath;
  if (running?.endsWith("pnpm.cjs")) {
    const { version } = JSON.parse(readFileSync(join(dirname(running), "..", "package.json"), "utf8"));
    if (String(version).startsWith("10.")) return running;
  }
  const found = await new Promise<string>((resolve, reject) =>
    execFile("npx", ["-y", "-p", "pnpm@10", "-c", "command -v pnpm"], { cwd: repositoryRoot }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    ),
  );
  return realpathSync(found);
}
