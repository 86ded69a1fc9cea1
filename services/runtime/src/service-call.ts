/**
 * One HTTP call from a service to another (the gateway to a subgraph, the county to a
 * partnership), by undici's request API over the process's dispatcher (so useClientTls's
 * settings apply). Node's fetch costs 2.6 to 3.4 times the CPU per call
 * (`pnpm bench:subgraph-calls`): its WHATWG streams, Request, Headers and Response objects
 * and its streamed string body. The answer's body is read in full before the call resolves,
 * under the same signal.
 */
import { STATUS_CODES } from "node:http";
import { request } from "undici";

export interface ServiceCall {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** The part of fetch's Response that services read, so a test may pass fetch itself. */
export interface ServiceAnswer {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export type ServiceFetch = (url: string, call: ServiceCall) => Promise<ServiceAnswer>;

export const callService: ServiceFetch = async (url, call) => {
  const answer = await request(url, {
    method: call.method ?? "GET",
    headers: call.headers,
    body: call.body,
    signal: call.signal,
  });
  const text = await answer.body.text();
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return {
    url,
    status: answer.statusCode,
    statusText: STATUS_CODES[answer.statusCode] ?? "",
    ok: answer.statusCode >= 200 && answer.statusCode < 300,
    headers,
    text: async () => text,
    json: async () => JSON.parse(text),
  };
};
