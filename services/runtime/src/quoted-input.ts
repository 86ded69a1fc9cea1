/** How many characters of what a client sent an error message quotes at most. */
export const QUOTED_INPUT_CHARACTERS = 40;

/**
 * What a client sent, as an error message quotes it: as JSON (a string in quotes, control
 * characters as escapes), cut to its first QUOTED_INPUT_CHARACTERS characters with the whole
 * length said, so that a 100,000-character argument is never echoed back (nor logged) whole.
 */
export function quoted(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const whole = typeof value === "string" ? JSON.stringify(value) : text;
  if (text.length <= QUOTED_INPUT_CHARACTERS) return whole;
  // Cut on whole characters (code points), never half of one.
  const prefix = [...text.slice(0, QUOTED_INPUT_CHARACTERS * 2)].slice(0, QUOTED_INPUT_CHARACTERS).join("");
  if (prefix.length === text.length) return whole;
  return `${typeof value === "string" ? JSON.stringify(prefix) : prefix}... (${characterCount(text)} characters in all)`;
}

/** Characters as people count them: code points, so an emoji (two UTF-16 units) is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Text a client sent, as is when short (an id in a message); cut like `quoted` when long. */
export function shortened(text: string): string {
  return text.length <= QUOTED_INPUT_CHARACTERS ? text : quoted(text);
}
