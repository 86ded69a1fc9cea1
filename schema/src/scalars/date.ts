import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The years a date of this data may fall in: a date outside them is a typing mistake. */
export const PLAUSIBLE_YEARS = { from: 1990, to: 2100 };

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Why a value is not a plausible date, or undefined. */
export function dateProblem(value: unknown): string | undefined {
  if (!isIsoDate(value))
    return `must be an ISO 8601 calendar date (YYYY-MM-DD) that exists; got ${JSON.stringify(value)}`;
  const year = Number(value.slice(0, 4));
  if (year < PLAUSIBLE_YEARS.from || year > PLAUSIBLE_YEARS.to)
    return `must fall in the years ${PLAUSIBLE_YEARS.from} to ${PLAUSIBLE_YEARS.to}; got ${value}`;
  return undefined;
}

function checked(value: unknown): string {
  const problem = dateProblem(value);
  if (problem) throw new GraphQLError(`Date ${problem}`, { extensions: { code: "BAD_USER_INPUT" } });
  return value as string;
}

/** A calendar date without time or zone, carried as an ISO 8601 string. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date without time or time zone, as an ISO 8601 string (YYYY-MM-DD).",
  // What is stored is served as stored; the plausible years bind what comes in.
  serialize: (value) => {
    if (!isIsoDate(value))
      throw new GraphQLError(`Date must be an ISO 8601 calendar date (YYYY-MM-DD); got ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: checked,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Date must be a string (YYYY-MM-DD)");
    return checked(ast.value);
  },
});
