import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function checked(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new GraphQLError(`Date must be an ISO 8601 calendar date (YYYY-MM-DD); got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date without time or zone, carried as an ISO 8601 string. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date without time or time zone, as an ISO 8601 string (YYYY-MM-DD).",
  serialize: checked,
  parseValue: checked,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Date must be a string (YYYY-MM-DD)");
    return checked(ast.value);
  },
});
