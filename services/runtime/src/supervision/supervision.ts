/**
 * The launcher's account of the processes it runs (every subgraph and the gateway), and how
 * it reaches the gateway, which shows it in /health. The launcher sends the whole record over
 * the gateway's IPC channel (Node's `process.send`) whenever it changes, and the gateway
 * acknowledges it. A channel, not a port or a file: nothing to leave behind or to go stale,
 * it ends with either process, and a change arrives at once.
 */

/** One process as the launcher keeps it. */
export interface SupervisedProcess {
  state: "running" | "restarting" | "stopped";
  /** Restarts since the system started. */
  restarts: number;
  /** How it last ended, when it died. */
  lastExit?: { at: string; code: number | null; signal: string | null };
  /** When the next start is due, while restarting. */
  nextStartAt?: string;
}

/** The launcher's account of each process, by name (a subgraph's name, or "gateway"). */
export type Supervision = (name: string) => SupervisedProcess | undefined;

/** The name of the gateway's process in the record. */
export const GATEWAY_PROCESS = "gateway";

/** Launcher to gateway: every process's state, numbered so that the answer names it. */
export interface SupervisionMessage {
  kind: "csg-supervision";
  sequence: number;
  processes: Record<string, SupervisedProcess>;
}

/** Gateway to launcher: the record of that number is the one /health now shows. */
export interface SupervisionReceipt {
  kind: "csg-supervision-received";
  sequence: number;
}

export const isSupervisionMessage = (message: unknown): message is SupervisionMessage =>
  typeof message === "object" && message !== null && (message as { kind?: unknown }).kind === "csg-supervision";

export const isSupervisionReceipt = (message: unknown): message is SupervisionReceipt =>
  typeof message === "object" &&
  message !== null &&
  (message as { kind?: unknown }).kind === "csg-supervision-received";

/**
 * In a process the launcher started with an IPC channel: the latest record it sent, each one
 * acknowledged. Elsewhere (a gateway run on its own) there is no record: `processOf` answers
 * nothing and every process counts as running.
 */
export function launcherSupervision(channel: NodeJS.Process = process): {
  processOf: Supervision;
  running(name: string): boolean;
} {
  let processes: Record<string, SupervisedProcess> = {};
  if (channel.send) {
    channel.on("message", (message: unknown) => {
      if (!isSupervisionMessage(message)) return;
      processes = message.processes;
      const receipt: SupervisionReceipt = { kind: "csg-supervision-received", sequence: message.sequence };
      // The launcher may be gone by now: then there is no one to tell.
      if (channel.connected) channel.send!(receipt, undefined, undefined, () => {});
    });
  }
  return {
    processOf: (name) => processes[name],
    running: (name) => (processes[name]?.state ?? "running") === "running",
  };
}
