/**
 * Entity types nested in themselves: `partnership { nationalPosition { partnership {
 * nationalPosition ...` crosses from the county's subgraph to the national one and back at
 * every turn, and @apollo/query-planner's options grow with every crossing (measured by
 * gateway/bench/plan-cycles.ts: a partnership in itself once planned in about 30 ms, twice
 * in seconds, three times ran out of a 1 GB heap). This rule refuses, before planning, a
 * path on which one entity type (a type with a federation key in the supergraph: the
 * partnerships, their interface, CSA priorities) is reached more than the limit's times.
 * Linear in the document (path-counts.ts).
 */
import { type GraphQLError, getNamedType, Kind, parse, type ValidationRule } from "graphql";
import { countOnPaths } from "./path-counts";

/** Types and interfaces with a federation key (`@join__type(..., key: ...)`) in the supergraph. */
export function entityTypesOf(supergraphSdl: string): Set<string> {
  const entities = new Set<string>();
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const keyed = definition.directives?.some((d) => d.name.value === "join__type" && d.arguments?.some((a) => a.name.value === "key"));
    if (keyed) entities.add(definition.name.value);
  }
  return entities;
}

export function entityNestingRule(entityTypes: Set<string>, maxNesting: number, refuse: (found: string) => GraphQLError): ValidationRule {
  return (context) =>
    countOnPaths(
      context,
      maxNesting,
      (field) => {
        const type = getNamedType(field.type).name;
        return entityTypes.has(type) ? type : null;
      },
      (refused) => context.reportError(refuse(`the entity type ${refused.key} appears ${refused.count} times on the path ${refused.path}`)),
    );
}
