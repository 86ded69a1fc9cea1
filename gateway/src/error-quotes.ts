/**
 * Errors quote at most a short prefix of what a client sent: graphql-js and the subgraphs
 * quote a value, a name or a field in full ("got invalid value", "Unknown operation named"),
 * and a client that sends 700 KB would get it all back, in every error. Every quoted text
 * in a message is cut to its first QUOTED_PREFIX characters, and a message to MAX_MESSAGE.
 */
export const QUOTED_PREFIX = 60;
export const MAX_MESSAGE = 1000;

/** A quoted text longer than the prefix (JSON-style escapes kept whole). */
const LONG_QUOTE = new RegExp(`"((?:[^"\\\\]|\\\\.){${QUOTED_PREFIX + 1},})"`, "g");

export function quoteBriefly(message: string): string {
  const cut = message.replace(
    LONG_QUOTE,
    (_quote, inner: string) => `"${inner.slice(0, QUOTED_PREFIX)}…" (${inner.length} characters)`,
  );
  return cut.length <= MAX_MESSAGE ? cut : `${cut.slice(0, MAX_MESSAGE)}… (message cut: ${cut.length} characters)`;
}
