import { crimeCategories, csaPriorities, findCrimeCategory, findCsaPriority } from "@csg/schema";
import { argumentTooLarge, characterCount, quoted } from "@csg/service-runtime";
import { GraphQLError } from "graphql";
import { MAX_SEARCH_CHARACTERS, MAX_SEARCH_WORDS, searchWords } from "../analysis/priority-search";

function badArgument(field: string, argument: string, message: string): GraphQLError {
  return new GraphQLError(`${field}(${argument}): ${message}`, { extensions: { code: "BAD_USER_INPUT", argument } });
}

/** A search's text within its bounds: at most MAX_SEARCH_CHARACTERS characters and MAX_SEARCH_WORDS words. */
export function checkSearchText(field: string, argument: string, text: string | null | undefined): void {
  if (!text) return;
  const characters = text.length <= MAX_SEARCH_CHARACTERS ? text.length : characterCount(text);
  if (characters > MAX_SEARCH_CHARACTERS) {
    const limit = { name: "maxSearchCharacters", value: MAX_SEARCH_CHARACTERS };
    throw argumentTooLarge(
      field,
      argument,
      `is ${characters} characters long; a search takes at most ${MAX_SEARCH_CHARACTERS}`,
      limit,
    );
  }
  const words = searchWords(text).length;
  if (words > MAX_SEARCH_WORDS) {
    throw argumentTooLarge(field, argument, `has ${words} words; a search takes at most ${MAX_SEARCH_WORDS}`, {
      name: "maxSearchWords",
      value: MAX_SEARCH_WORDS,
    });
  }
}

/** A CSA priority id given as an argument must be one of the agreement's seven. */
export function checkCsaPriority(field: string, argument: string, id: string | null | undefined): void {
  if (id && !findCsaPriority(id)) {
    throw badArgument(
      field,
      argument,
      `unknown CSA priority ${quoted(id)}; expected one of ${csaPriorities.map((p) => p.id).join(", ")}`,
    );
  }
}

/** A crime category id given as an argument must be in the taxonomy. */
export function checkCategory(field: string, argument: string, id: string | null | undefined): void {
  if (id && !findCrimeCategory(id)) {
    throw badArgument(
      field,
      argument,
      `unknown crime category ${quoted(id)}; expected one of ${crimeCategories.map((c) => c.id).join(", ")}`,
    );
  }
}

/** A period given as two dates must not end before it starts. */
export function checkPeriod(field: string, start: string, end: string): void {
  if (end < start) throw badArgument(field, "end", `${end} precedes the start ${start}`);
}
