import { crimeCategories, csaPriorities, findCrimeCategory, findCsaPriority } from "@csg/schema";
import { GraphQLError } from "graphql";

function badArgument(field: string, argument: string, message: string): GraphQLError {
  return new GraphQLError(`${field}(${argument}): ${message}`, { extensions: { code: "BAD_USER_INPUT", argument } });
}

/** A CSA priority id given as an argument must be one of the agreement's seven. */
export function checkCsaPriority(field: string, argument: string, id: string | null | undefined): void {
  if (id && !findCsaPriority(id)) {
    throw badArgument(field, argument, `unknown CSA priority "${id}"; expected one of ${csaPriorities.map((p) => p.id).join(", ")}`);
  }
}

/** A crime category id given as an argument must be in the taxonomy. */
export function checkCategory(field: string, argument: string, id: string | null | undefined): void {
  if (id && !findCrimeCategory(id)) {
    throw badArgument(field, argument, `unknown crime category "${id}"; expected one of ${crimeCategories.map((c) => c.id).join(", ")}`);
  }
}

/** A period given as two dates must not end before it starts. */
export function checkPeriod(field: string, start: string, end: string): void {
  if (end < start) throw badArgument(field, "end", `${end} precedes the start ${start}`);
}
