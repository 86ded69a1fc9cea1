/**
 * One POST to a subgraph, with undici's request API (over the process's dispatcher, so the
 * TLS settings of useClientTls apply): fetch's WHATWG streams, Request and Response objects
 * and its streamed string body cost the gateway more per subgraph call than the call itself.
 * A read ends at its timeout or when its client request ends, whichever comes first; a write
 * only at its backstop (subgraph-timeouts.ts says why).
 */
import { STATUS_CODES } from "node:http";
import { request } from "undici";
import { WriteBackstop } from "./subgraph-timeouts";

/** What the gateway reads of a subgraph's answer: its status, headers and JSON text. */
export interface SubgraphAnswer {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  /** The whole body, read before the answer is returned (within the same limits). */
  readonly text: string;
}

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
): Promise<SubgraphAnswer> {
  const controller = new AbortController();
  const write = "writeBackstopMs" in call;
  const limitMs = write ? call.writeBackstopMs : call.timeoutMs;
  const timer = setTimeout(() => controller.abort(write ? new WriteBackstop(limitMs) : timedOut(limitMs)), limitMs);
  const client = write ? undefined : call.signal;
  const ended = () => controller.abort(client!.reason);
  if (client?.aborted) ended();
  else client?.addEventListener("abort", ended, { once: true });
  try {
    const answer = await request(url, { method: "POST", headers, body, signal: controller.signal });
    const text = await answer.body.text();
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
      if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
    return {
      url,
      status: answer.statusCode,
      statusText: STATUS_CODES[answer.statusCode] ?? "",
      ok: answer.statusCode >= 200 && answer.statusCode < 300,
      headers: answerHeaders,
      text,
    };
  } finally {
    clearTimeout(timer);
    client?.removeEventListener("abort", ended);
  }
}
