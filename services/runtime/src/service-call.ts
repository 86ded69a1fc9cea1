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

/**
 * The most bytes of one answer read. A service on another host (a district's subgraph) is
 * not trusted to keep its answers small: past this the call fails and the rest is not read.
 * The largest answer served here is a partnership's full figures, well under 1 MB.
 */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** An answer over MAX_ANSWER_BYTES (code ANSWER_TOO_LARGE). */
export class AnswerTooLarge extends Error {
  readonly code = "ANSWER_TOO_LARGE";
  constructor(
    readonly url: string,
    readonly limitBytes: number,
  ) {
    super(`the answer of ${url} is over the limit of ${limitBytes} bytes`);
    this.name = "AnswerTooLarge";
  }
}

type AnswerBody = Awaited<ReturnType<typeof request>>["body"];

/** The body as text, failing (and reading no further) once it passes `limitBytes`. Events: this is every call's path. */
function readAnswer(body: AnswerBody, url: string, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) body.destroy(new AnswerTooLarge(url, limitBytes));
      else chunks.push(chunk);
    });
    body.once("error", reject);
    body.once("end", () => resolve(Buffer.concat(chunks, size).toString("utf8")));
  });
}

export const callService: ServiceFetch = async (url, call) => {
  const answer = await request(url, {
    method: call.method ?? "GET",
    headers: call.headers,
    body: call.body,
    signal: call.signal,
  });
  const text = await readAnswer(answer.body, url, MAX_ANSWER_BYTES);
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
