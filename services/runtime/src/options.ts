import { fileURLToPath } from "node:url";

/** The default data folder: `data/` at the repository's root (git-ignored). */
export const defaultDataDir = fileURLToPath(new URL("../../../data", import.meta.url));

/** Reads `--name value` from the command line, else the environment variable, else the default. */
export function option(name: string, envName: string, fallback?: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1] !== undefined) return args[i + 1];
  return process.env[envName] ?? fallback;
}

/** Set by the system launcher on the services it starts. */
export const STOP_WITH_PARENT = "CSG_STOP_WITH_PARENT";

/** Stops cleanly on Ctrl-C or SIGTERM, once. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(`Error while stopping on ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  // Started by the system launcher: stop when it goes, however it went (no orphans). The
  // launcher holds our stdin open; it closes when the launcher exits, even on SIGKILL.
  if (process.env[STOP_WITH_PARENT] === "1") {
    process.stdin.on("end", () => handler("SIGTERM"));
    process.stdin.resume();
  }
}
