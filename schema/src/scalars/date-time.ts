import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function checked(value: unknown): string {
  if (typeof value !== "string" || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `DateTime must be an ISO 8601 instant in UTC (YYYY-MM-DDTHH:MM:SS.sssZ); got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** An instant, e.g. when a write was committed, as an ISO 8601 string in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant in UTC, as an ISO 8601 string (YYYY-MM-DDTHH:MM:SS.sssZ).",
  serialize: checked,
  parseValue: checked,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string (YYYY-MM-DDTHH:MM:SS.sssZ)");
    return checked(ast.value);
  },
});
