import type { ChildProcess } from "node:child_process";
import { isSupervisionReceipt, type SupervisionMessage } from "@csg/service-runtime";
import type { RunningService } from "./system";

/** How long a sender waits for the gateway to take a record in (a stop waits for it before a subgraph goes). */
const RECEIPT_TIMEOUT_MS = 1000;

/**
 * Sends the launcher's record of every process to the gateway's process of the moment (once
 * for all the changes of one turn of the event loop). The promise resolves when the gateway
 * has taken it in, or after RECEIPT_TIMEOUT_MS: a gateway that is down or blocked tells no one.
 */
export function gatewayMessenger(
  current: () => RunningService | undefined,
  record: () => SupervisionMessage["processes"],
): () => Promise<void> {
  let sequence = 0;
  let pending: Promise<void> | null = null;
  const waiting = new Map<number, () => void>();
  const listening = new WeakSet<ChildProcess>();
  const settle = (upTo: number) => {
    for (const [n, resolve] of waiting)
      if (n <= upTo) {
        waiting.delete(n);
        resolve();
      }
  };
  const send = (resolve: () => void) => {
    pending = null;
    const child = current()?.process;
    if (!child?.connected) return resolve();
    if (!listening.has(child)) {
      listening.add(child);
      child.on("message", (reply: unknown) => isSupervisionReceipt(reply) && settle(reply.sequence));
      child.once("disconnect", () => settle(Infinity));
    }
    const n = ++sequence;
    const timer = setTimeout(() => settle(n), RECEIPT_TIMEOUT_MS);
    waiting.set(n, () => {
      clearTimeout(timer);
      resolve();
    });
    const message: SupervisionMessage = { kind: "csg-supervision", sequence: n, processes: record() };
    child.send(message, undefined, undefined, (error) => error && settle(n));
  };
  return () => (pending ??= new Promise<void>((resolve) => queueMicrotask(() => send(resolve))));
}
