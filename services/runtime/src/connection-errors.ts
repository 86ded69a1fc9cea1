/**
 * A client that resets its connection, or a peer that closes a socket we are still writing
 * to, must never end a process. Every request and response stream gets an error handler
 * (http.ts); this is the last line behind them: an uncaught error of a connection (reset,
 * broken pipe, aborted) is logged and the process goes on, anything else still ends it as
 * Node would.
 */
const CONNECTION_ERRORS = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "ERR_STREAM_PREMATURE_CLOSE",
  "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END",
  "UND_ERR_SOCKET",
  "ECONNREFUSED",
  "ETIMEDOUT",
]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === "string" && CONNECTION_ERRORS.has(code);
}

let installed = false;

export function surviveConnectionErrors(): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtException", (error) => {
    if (isConnectionError(error)) {
      console.error(`A connection failed and was dropped (${(error as { code?: string }).code}: ${error.message}).`);
      return;
    }
    console.error(error);
    process.exit(1);
  });
  process.on("unhandledRejection", (reason) => {
    if (!isConnectionError(reason)) throw reason; // as Node would: uncaught, the process ends
    console.error(`A connection failed and was dropped (${(reason as { code?: string }).code}).`);
  });
}
