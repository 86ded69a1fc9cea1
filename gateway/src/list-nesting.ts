/**
 * "The same list nested in itself": a list field selected inside a selection of the same
 * field (`coverage { partnership { priorities { csaAlignment { priority { coverage ...`)
 * multiplies the answer by the list's length at every turn of the cycle. Depth and cost
 * limits see only the shape, not the cycle, so this rule counts, on every path, how often
 * each list field (by name and the type it lists, so fragments on other types do not hide
 * it) appears (linear in the document: see path-counts.ts).
 */
import { type GraphQLError, getNamedType, getNullableType, isListType, type ValidationRule } from "graphql";
import { countOnPaths } from "./path-counts";

export function listNestingRule(maxNesting: number, refuse: (found: string) => GraphQLError): ValidationRule {
  return (context) =>
    countOnPaths(
      context,
      maxNesting,
      (field, name) => (isListType(getNullableType(field.type)) ? `${name}: [${getNamedType(field.type).name}]` : null),
      (refused) =>
        context.reportError(
          refuse(`the list ${refused.field} appears ${refused.count} times on the path ${refused.path}`),
        ),
    );
}
