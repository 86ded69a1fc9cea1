import { ValidationError } from "../validation/checker";
import { GraphQLError } from "graphql";

/**
 * Rejected input as a GraphQL error: BAD_USER_INPUT, the message listing every problem, and
 * `problems` giving each one's field path within the arguments and what is wrong with it.
 */
export function asGraphQLError(error: unknown): unknown {
  if (!(error instanceof ValidationError)) return error;
  return new GraphQLError(error.message, {
    extensions: { code: "BAD_USER_INPUT", problems: error.issues.map((issue) => ({ field: issue.path || issue.where, message: issue.message })) },
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
