/**
 * What one connection may hold of a service, and for how long: a header timeout, a body
 * timeout (the whole request), a header size, and a budget for the bytes of request bodies
 * not yet received in full, across every connection of the process. 1,000 connections each
 * stalling 0.9 MB into a declared 1 MB body once held 1.1 GB of the gateway; now a body that
 * would pass the budget is refused (503 SERVER_BUSY) and its bytes given back, as are a
 * stalled body's when its connection times out or closes.
 */

/** A whole number of at least 1 from the environment, else `fallback`; an error naming the variable otherwise. */
export function wholeNumberSetting(variable: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const text = env[variable];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${variable} must be a whole number of at least 1, got "${text}"`);
  return value;
}

export interface ConnectionLimits {
  /** Until the request's headers are in (CSG_HEADER_TIMEOUT_MS): 408. */
  headerTimeoutMs: number;
  /** Until the whole request, body included, is in (CSG_BODY_TIMEOUT_MS): 408. */
  bodyTimeoutMs: number;
  /** The request line and headers (CSG_MAX_HEADER_BYTES): 431. */
  maxHeaderBytes: number;
  /** Bytes of request bodies received but not yet complete, all connections together (CSG_MAX_PENDING_BODY_BYTES): 503. */
  maxPendingBodyBytes: number;
}

export function connectionLimits(): ConnectionLimits {
  return {
    headerTimeoutMs: wholeNumberSetting("CSG_HEADER_TIMEOUT_MS", 10_000),
    bodyTimeoutMs: wholeNumberSetting("CSG_BODY_TIMEOUT_MS", 30_000),
    maxHeaderBytes: wholeNumberSetting("CSG_MAX_HEADER_BYTES", 16_384),
    maxPendingBodyBytes: wholeNumberSetting("CSG_MAX_PENDING_BODY_BYTES", 64_000_000),
  };
}

/** The process's account of unfinished bodies' bytes. */
export class PendingBodies {
  private held = 0;

  constructor(readonly budget: number) {}

  /** Takes `bytes` from the budget; false (nothing taken) when they would pass it. */
  take(bytes: number): boolean {
    if (this.held + bytes > this.budget) return false;
    this.held += bytes;
    return true;
  }

  giveBack(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }

  get bytes(): number {
    return this.held;
  }
}

let shared: PendingBodies | undefined;

/** One budget per process, shared by every server in it. */
export function pendingBodies(): PendingBodies {
  shared ??= new PendingBodies(connectionLimits().maxPendingBodyBytes);
  return shared;
}

/** A raw HTTP answer for a connection Node refused before a request object existed. */
export function rawRefusal(
  status: number,
  reason: string,
  message: string,
  code: string,
  limit?: { name: string; value: number },
): string {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...(limit ? { limit } : {}) } }] });
  return `HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}
