/**
 * One POST to a subgraph (the runtime's callService): a read ends at its timeout or when its
 * client request ends, whichever comes first; a write only at its backstop
 * (subgraph-timeouts.ts says why).
 */
import { type ServiceAnswer, callService } from "@csg/service-runtime";
import { WriteBackstop } from "./subgraph-timeouts";

export type SubgraphCall =
  /** A read: its subgraph's timeout, and the client request's signal (absent: none). */
  | { timeoutMs: number; signal?: AbortSignal }
  /** A write: only the backstop ends it. */
  | { writeBackstopMs: number };

/** A fetch timeout's error, named as AbortSignal.timeout names it (subgraph-failure.ts reads the name). */
function timedOut(ms: number): DOMException {
  return new DOMException(`no answer within ${ms} ms`, "TimeoutError");
}

export async function postToSubgraph(
  url: string,
  headers: Record<string, string>,
  body: string,
  call: SubgraphCall,
): Promise<ServiceAnswer> {
  const controller = new AbortController();
  const write = "writeBackstopMs" in call;
  const limitMs = write ? call.writeBackstopMs : call.timeoutMs;
  const timer = setTimeout(() => controller.abort(write ? new WriteBackstop(limitMs) : timedOut(limitMs)), limitMs);
  const client = write ? undefined : call.signal;
  const ended = () => controller.abort(client!.reason);
  if (client?.aborted) ended();
  else client?.addEventListener("abort", ended, { once: true });
  try {
    return await callService(url, { method: "POST", headers, body, signal: controller.signal });
  } finally {
    clearTimeout(timer);
    client?.removeEventListener("abort", ended);
  }
}
