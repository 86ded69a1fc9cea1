/**
 * How long the gateway waits: each subgraph fetch has a timeout (a default, and one per
 * subgraph), and each client request an overall deadline. A request's fetches are also
 * cancelled when its client goes away, so an abandoned request holds no subgraph connection.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SubgraphTimeouts {
  /** Every subgraph fetch, unless its subgraph has its own. */
  defaultMs: number;
  /** By subgraph name (`county`, `blaby`, ...). */
  bySubgraph: Record<string, number>;
  /** A whole client request, all its fetches included (not its writes: see writeBackstopMs). */
  requestDeadlineMs: number;
  /**
   * A write (a subgraph fetch of a mutation) is never cancelled by the fetch timeouts, the
   * request's deadline or its client going away: aborting it would not stop the subgraph
   * committing it, only hide the outcome. A subgraph bounds its own writes (SQLite's busy
   * timeout, 10 s); this backstop only ends the wait on a process that no longer runs at all
   * (stopped), answered WRITE_OUTCOME_UNKNOWN.
   */
  writeBackstopMs: number;
}

/**
 * A partnership answers in milliseconds; the county reads the partnerships itself (within
 * CSG_PARTNERSHIP_READ_TIMEOUT_MS, 4 s by default), so it gets longer.
 */
export const DEFAULT_SUBGRAPH_TIMEOUTS: SubgraphTimeouts = {
  defaultMs: 5000,
  bySubgraph: { county: 10_000 },
  requestDeadlineMs: 15_000,
  writeBackstopMs: 300_000,
};

function milliseconds(variable: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${variable} must be a whole number of milliseconds, got "${text}"`);
  return value;
}

/**
 * The defaults, overridden by options, then by the environment: CSG_SUBGRAPH_TIMEOUT_MS (every
 * subgraph), CSG_SUBGRAPH_TIMEOUTS ("county=10000,blaby=3000"), CSG_REQUEST_DEADLINE_MS,
 * CSG_WRITE_BACKSTOP_MS.
 */
export function subgraphTimeouts(
  overrides: Partial<SubgraphTimeouts> = {},
  env: NodeJS.ProcessEnv = process.env,
): SubgraphTimeouts {
  const timeouts = {
    ...DEFAULT_SUBGRAPH_TIMEOUTS,
    ...overrides,
    bySubgraph: { ...DEFAULT_SUBGRAPH_TIMEOUTS.bySubgraph, ...overrides.bySubgraph },
  };
  if (env.CSG_SUBGRAPH_TIMEOUT_MS) {
    timeouts.defaultMs = milliseconds("CSG_SUBGRAPH_TIMEOUT_MS", env.CSG_SUBGRAPH_TIMEOUT_MS);
    if (!overrides.bySubgraph?.county) delete timeouts.bySubgraph.county;
  }
  for (const entry of (env.CSG_SUBGRAPH_TIMEOUTS ?? "").split(",").filter((e) => e.trim())) {
    const [name, value] = entry.split("=").map((part) => part.trim());
    if (!name || value === undefined)
      throw new Error(`CSG_SUBGRAPH_TIMEOUTS must read "<subgraph>=<ms>,...", got "${entry}"`);
    timeouts.bySubgraph[name] = milliseconds(`CSG_SUBGRAPH_TIMEOUTS (${name})`, value);
  }
  if (env.CSG_REQUEST_DEADLINE_MS)
    timeouts.requestDeadlineMs = milliseconds("CSG_REQUEST_DEADLINE_MS", env.CSG_REQUEST_DEADLINE_MS);
  if (env.CSG_WRITE_BACKSTOP_MS)
    timeouts.writeBackstopMs = milliseconds("CSG_WRITE_BACKSTOP_MS", env.CSG_WRITE_BACKSTOP_MS);
  return timeouts;
}

export const timeoutOf = (timeouts: SubgraphTimeouts, subgraph: string) =>
  timeouts.bySubgraph[subgraph] ?? timeouts.defaultMs;

/** Why a request's fetches were cancelled. */
export class RequestEnded extends Error {
  constructor(
    readonly reason: "DEADLINE" | "CLIENT_GONE",
    readonly deadlineMs: number,
  ) {
    super(reason === "DEADLINE" ? `the request's deadline of ${deadlineMs / 1000} s passed` : "the client went away");
    this.name = "RequestEnded";
  }
}

/** Why a write's wait ended: its subgraph did not answer within the backstop. */
export class WriteBackstop extends Error {
  constructor(readonly backstopMs: number) {
    super(`no answer within ${backstopMs / 1000} s`);
    this.name = "WriteBackstop";
  }
}

/** The life of one client request, as the GraphQL endpoint sees it. */
export interface RequestLifetime {
  /** Aborts when the deadline passes or the client closes the connection before the answer is sent. */
  readonly signal: AbortSignal;
  /** Call once answered. */
  end(): void;
}

/**
 * The life of one client request: its signal aborts when the deadline (counted from
 * `started`, its arrival by `performance.now()`) passes or the client closes the connection
 * before the answer is sent. Made when first asked for: an answer that needs no subgraph
 * never asks, and costs no timer or controller.
 */
export function requestLifetime(
  request: IncomingMessage,
  response: ServerResponse,
  deadlineMs: number,
  started = performance.now(),
): RequestLifetime {
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  const gone = () => {
    if (!response.writableFinished) controller!.abort(new RequestEnded("CLIENT_GONE", deadlineMs));
  };
  return {
    get signal() {
      if (!controller) {
        controller = new AbortController();
        const left = deadlineMs - (performance.now() - started);
        timer = setTimeout(() => controller!.abort(new RequestEnded("DEADLINE", deadlineMs)), Math.max(0, left));
        response.once("close", gone);
        request.once("aborted", gone);
        // Gone before anyone asked: then no event is still to come.
        if (response.destroyed) gone();
      }
      return controller.signal;
    },
    end() {
      clearTimeout(timer);
      if (controller) response.off("close", gone);
    },
  };
}
