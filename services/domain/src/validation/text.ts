/**
 * Text that looks like text but is not: a lone UTF-16 surrogate (half of a character, which
 * no file or database can store faithfully) or nothing but invisible characters (zero-width
 * spaces, joiners, direction marks, a byte-order mark), which would publish as a blank title.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the combining marks are listed one by one on purpose.
  /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu;

/** In "u" mode a pair is one code point: only a lone half is of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Characters refused anywhere in published text: NUL (which ends text in C and in many
 * tools, so what is stored is not what they show) and the bidirectional controls, which make
 * text display in another order than it is stored (a title that reads differently on screen,
 * in a CSV and in the audit trail): the embeddings and overrides U+202A-U+202E, the isolates
 * U+2066-U+2069, the marks U+200E and U+200F and the Arabic letter mark U+061C.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters refused.
const REFUSED = /[\u0000\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const REFUSED_NAMES: Record<string, string> = {
  "\u0000": "NUL",
  "\u061c": "ARABIC LETTER MARK",
  "\u200e": "LEFT-TO-RIGHT MARK",
  "\u200f": "RIGHT-TO-LEFT MARK",
  "\u202a": "LEFT-TO-RIGHT EMBEDDING",
  "\u202b": "RIGHT-TO-LEFT EMBEDDING",
  "\u202c": "POP DIRECTIONAL FORMATTING",
  "\u202d": "LEFT-TO-RIGHT OVERRIDE",
  "\u202e": "RIGHT-TO-LEFT OVERRIDE",
  "\u2066": "LEFT-TO-RIGHT ISOLATE",
  "\u2067": "RIGHT-TO-LEFT ISOLATE",
  "\u2068": "FIRST STRONG ISOLATE",
  "\u2069": "POP DIRECTIONAL ISOLATE",
};

/** The position of `index` (UTF-16) as people count it: characters (code points) from 1. */
const characterPosition = (value: string, index: number) => [...value.slice(0, index)].length + 1;

/** What is wrong with a piece of text, or undefined. */
export function textProblem(value: string): string | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (lone)
    return `holds half of a character (a lone UTF-16 surrogate) at character ${characterPosition(value, lone.index)}; send whole characters`;
  const refused = REFUSED.exec(value);
  if (refused) {
    const code = `U+${refused[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const what = refused[0] === "\u0000" ? "a NUL character" : "a bidirectional control character";
    return `holds ${what} (${code} ${REFUSED_NAMES[refused[0]]}) at character ${characterPosition(value, refused.index)}; such characters are not allowed in published text`;
  }
  if (value.replace(INVISIBLE, "") === "")
    return "holds only invisible characters (such as zero-width spaces); it must show some text";
  return undefined;
}
