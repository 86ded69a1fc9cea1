import { fileURLToPath } from "node:url";
import type { OptionSpec } from "./command-line";

/** The default data folder: `data/` at the repository's root (git-ignored). */
export const defaultDataDir = fileURLToPath(new URL("../../../data", import.meta.url));

/** Every command's --data-dir: the folder of the SQLite files. */
export const dataDirOption: OptionSpec = {
  type: "string",
  value: "<dir>",
  env: "CSG_DATA_DIR",
  description: "The folder of every service's SQLite file (default: data/ at the repository's root).",
};

/** The environment variable that names the address every service listens on. */
export const LISTEN_HOST = "CSG_LISTEN_HOST";

/**
 * The address services listen on: loopback unless the operator names another (e.g. 0.0.0.0
 * where a district's subgraph must be reachable from the county's gateway).
 */
export const listenHost = () => process.env[LISTEN_HOST] || "127.0.0.1";

/** Every service's --host: the address it listens on (read by listen() in CSG_LISTEN_HOST, which the launcher's services inherit). */
export const hostOption: OptionSpec = {
  type: "string",
  value: "<address>",
  env: LISTEN_HOST,
  exported: true,
  description:
    "The address to listen on: 127.0.0.1 (loopback, the default), 0.0.0.0 for every interface, or one address.",
};

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
