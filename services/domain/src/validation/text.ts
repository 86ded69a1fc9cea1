/**
 * Text that looks like text but is not: a lone UTF-16 surrogate (half of a character, which
 * no file or database can store faithfully) or nothing but invisible characters (zero-width
 * spaces, joiners, direction marks, a byte-order mark), which would publish as a blank title.
 */
const INVISIBLE = /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu;

/** In "u" mode a pair is one code point: only a lone half is of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with a piece of text, or undefined. */
export function textProblem(value: string): string | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `holds half of a character (a lone UTF-16 surrogate) at position ${lone.index + 1}; send whole characters`;
  if (value.replace(INVISIBLE, "") === "") return "holds only invisible characters (such as zero-width spaces); it must show some text";
  return undefined;
}
