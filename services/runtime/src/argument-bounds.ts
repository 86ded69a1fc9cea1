/**
 * Bounds on the size of every argument a subgraph's fields take, checked before the field's
 * resolver runs: no text longer than MAX_ARGUMENT_CHARACTERS characters (code points) and no
 * list longer than MAX_ARGUMENT_LIST_ITEMS items, at any depth of an input object. Fields set
 * tighter bounds of their own (a title's 2,000 characters, a search's words); these are the
 * outer bound, so that no single argument can make a resolver's work (or an error message)
 * grow without end. A refusal is BAD_USER_INPUT naming the argument and the limit.
 */
import { defaultFieldResolver, GraphQLError, type GraphQLField, type GraphQLSchema, isObjectType } from "graphql";
import { characterCount } from "./quoted-input";

export const MAX_ARGUMENT_CHARACTERS = 10_000;
export const MAX_ARGUMENT_LIST_ITEMS = 5_000;

/** Arguments the gateway itself fills: the entities of one fetch, bounded by the request body. */
const UNBOUNDED_LISTS = new Set(["Query._entities(representations)"]);

export interface ArgumentLimit {
  name: "maxArgumentCharacters" | "maxArgumentListItems";
  value: number;
}

/** An argument over a bound: BAD_USER_INPUT naming the argument (its path within the input) and the limit. */
export function argumentTooLarge(
  field: string,
  argument: string,
  message: string,
  limit: ArgumentLimit | { name: string; value: number },
): GraphQLError {
  return new GraphQLError(`${field}(${argument}): ${message}`, {
    extensions: { code: "BAD_USER_INPUT", argument, limit },
  });
}

/** The first part of `value` over a bound, with its path; undefined when every part is within them. */
function overBound(
  value: unknown,
  path: string,
  listsBounded: boolean,
): { path: string; message: string; limit: ArgumentLimit } | undefined {
  if (typeof value === "string") {
    // Two UTF-16 units at most per character: only a long string needs counting.
    if (value.length <= MAX_ARGUMENT_CHARACTERS) return undefined;
    const characters = characterCount(value);
    if (characters <= MAX_ARGUMENT_CHARACTERS) return undefined;
    const limit = { name: "maxArgumentCharacters" as const, value: MAX_ARGUMENT_CHARACTERS };
    return { path, message: `is ${characters} characters long; at most ${MAX_ARGUMENT_CHARACTERS} are allowed`, limit };
  }
  if (Array.isArray(value)) {
    if (listsBounded && value.length > MAX_ARGUMENT_LIST_ITEMS) {
      const limit = { name: "maxArgumentListItems" as const, value: MAX_ARGUMENT_LIST_ITEMS };
      return {
        path,
        message: `has ${value.length} items; at most ${MAX_ARGUMENT_LIST_ITEMS} are allowed in one list`,
        limit,
      };
    }
    for (let i = 0; i < value.length; i++) {
      const found = overBound(value[i], `${path}[${i}]`, listsBounded);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = overBound(inner, `${path}.${key}`, listsBounded);
      if (found) return found;
    }
  }
  return undefined;
}

function bound(typeName: string, field: GraphQLField<unknown, unknown>): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const name = `${typeName}.${field.name}`;
  field.resolve = (source, args, context, info) => {
    for (const [argument, value] of Object.entries(args)) {
      const found = overBound(value, argument, !UNBOUNDED_LISTS.has(`${name}(${argument})`));
      if (found) throw argumentTooLarge(name, found.path, found.message, found.limit);
    }
    return resolve(source, args, context, info);
  };
}

/** Puts the bounds on every field of `schema` that takes arguments (in place; returns the schema). */
export function boundArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) if (field.args.length > 0) bound(type.name, field);
  }
  return schema;
}
