/**
 * How priorities' words are compared: case and spacing ignored, every kind of dash read as
 * a hyphen, phrases matched as whole words ("hate" does not match "whatever").
 */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** A pattern finding `phrase` as whole words in normalised text. */
export function wholeWordPattern(phrase: string): RegExp {
  const escaped = normaliseText(phrase).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`, "g");
}
