import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

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
 * Runs one of the project's commands (what `pnpm <script>` runs) as its own process, from the
 * repository's root. It never blocks this process: servers a test hosts here keep answering
 * the command while it runs.
 */
export function runCommand(script: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
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
