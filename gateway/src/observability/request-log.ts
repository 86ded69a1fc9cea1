import { type Logger, pino } from "pino";
import type { CacheOutcome } from "./metrics";

/** One line per GraphQL request. Never the token, never the variables' values. */
export interface RequestLogLine {
  /** The operation's name as sent, cut to its first characters (operation-labels.ts: clientText). */
  operation: string;
  durationMs: number;
  cache: CacheOutcome;
  /** Answered by an identical request in flight (see freshness/in-flight-answers.ts). */
  shared: boolean;
  status: number;
  outcome: "success" | "error" | "failure";
}

/**
 * The gateway's structured log (JSON lines on stdout). `CSG_LOG_LEVEL` sets the level
 * (`silent` for none); tests run silent unless told otherwise.
 */
export function gatewayLogger(): Logger {
  const level = process.env.CSG_LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info");
  return pino({ level, base: { service: "gateway" } });
}

export function logRequest(logger: Logger, line: RequestLogLine): void {
  logger.info(line, "graphql request");
}
