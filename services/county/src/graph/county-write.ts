import { type Actor, COUNTY_SCOPE, requireScope } from "@csg/service-runtime";
import type { CountyRequestContext } from "./request-context";
import { Checker, rejectingBadInput } from "@csg/domain";

/** What every county write's description ends with: who may make it and what a refusal writes. */
export const COUNTY_WRITE =
  " Needs a county bearer token (UNAUTHENTICATED without one, FORBIDDEN with a partnership's); rejected input (BAD_USER_INPUT, each problem with its field) writes nothing. Recorded in the county's audit trail.";

export function requireCounty(context: CountyRequestContext, what: string): Actor {
  return requireScope(context.caller(), [COUNTY_SCOPE], what);
}

/**
 * Authorises and runs one of the county's writes: a county token, the input checked (every
 * problem reported under the write's name), rejected input as BAD_USER_INPUT.
 */
export function countyWrite<T>(
  context: CountyRequestContext,
  operation: string,
  run: (actor: Actor, check: Checker) => T,
): T {
  const actor = requireCounty(context, "writing the county's data");
  return rejectingBadInput(() => run(actor, new Checker(operation)));
}
