import { ValidationError } from "../validation/checker";
import { GraphQLError } from "graphql";

/** Problems an answer lists at most: a list of 5,000 bad items is not answered with 5,000 messages. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * Rejected input as a GraphQL error: BAD_USER_INPUT, the message listing the problems, and
 * `problems` giving each one's field path within the arguments and what is wrong with it; at
 * most MAX_LISTED_PROBLEMS of them, with `problemCount` saying how many there were.
 */
export function asGraphQLError(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  const listed = error.issues.slice(0, MAX_LISTED_PROBLEMS);
  const more = error.issues.length - listed.length;
  // The count comes first: a message cut short (the gateway keeps 1,000 characters) still says it.
  const message =
    more === 0
      ? error.message
      : `${error.issues.length} problems, the first ${listed.length} listed:\n${listed.map((i) => `  ${i.where}: ${i.message}`).join("\n")}\n  ... and ${more} more`;
  return new GraphQLError(message, {
    extensions: {
      code: "BAD_USER_INPUT",
      problems: listed.map((issue) => ({ field: issue.path || issue.where, message: issue.message })),
      ...(more > 0 && { problemCount: error.issues.length }),
    },
  });
}

/** Runs a write, turning rejected input into BAD_USER_INPUT. */
export function rejectingBadInput<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asGraphQLError(error);
  }
}
