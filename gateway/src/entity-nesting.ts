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
import {
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import { countOnPaths } from "./path-counts";

/** Types and interfaces with a federation key (`@join__type(..., key: ...)`) in the supergraph. */
export function entityTypesOf(supergraphSdl: string): Set<string> {
  const entities = new Set<string>();
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const keyed = definition.directives?.some(
      (d) => d.name.value === "join__type" && d.arguments?.some((a) => a.name.value === "key"),
    );
    if (keyed) entities.add(definition.name.value);
  }
  return entities;
}

export function entityNestingRule(
  entityTypes: Set<string>,
  maxNesting: number,
  refuse: (found: string) => GraphQLError,
): ValidationRule {
  return (context) =>
    countOnPaths(
      context,
      maxNesting,
      (field) => {
        const type = getNamedType(field.type).name;
        return entityTypes.has(type) ? type : null;
      },
      (refused) =>
        context.reportError(
          refuse(`the entity type ${refused.key} appears ${refused.count} times on the path ${refused.path}`),
        ),
    );
}

/** Per entity type: entity fields below one of the same type within a subtree (nested), and those with none above them there (top). */
type Reentries = Map<string, { nested: number; top: number }>;

// Counts of fan-out fragments double at every level: capped, so they stay numbers.
const CAP = 1e9;
const add = (a: number, b: number) => Math.min(CAP, a + b);

function mergeReentries(into: Reentries, from: Reentries): void {
  for (const [type, { nested, top }] of from) {
    const held = into.get(type) ?? { nested: 0, top: 0 };
    into.set(type, { nested: add(held.nested, nested), top: add(held.top, top) });
  }
}

/**
 * Entity re-entries across the whole operation: how many times, counting every spread of a
 * fragment, a field reaches an entity type that is already on its path. Each costs the
 * planner the ways to reach every implementation again (a national row's partnership's own
 * priorities, within a partnership: 0.7 s to plan on a loaded machine; ten aliases of it,
 * 4.2 s), so their number is bounded as a whole, not only per path. Linear: each selection
 * set is summarised once.
 */
export function entityReentriesRule(
  entityTypes: Set<string>,
  maxReentries: number,
  refuse: (found: string) => GraphQLError,
): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value))
        fragments.set(definition.name.value, definition);
    }
    const memo = new WeakMap<SelectionSetNode, Reentries>();
    const active = new Set<string>();
    const summary = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined | null): Reentries => {
      const known = memo.get(selectionSet);
      if (known) return known;
      const total: Reentries = new Map();
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || active.has(fragment.name.value)) continue; // GraphQL's own rules refuse both
          active.add(fragment.name.value);
          mergeReentries(total, summary(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)));
          active.delete(fragment.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          mergeReentries(
            total,
            summary(
              selection.selectionSet,
              selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent,
            ),
          );
        } else {
          const fields = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : undefined;
          const definition = fields?.[selection.name.value];
          if (!definition) continue;
          const type = getNamedType(definition.type);
          const below = selection.selectionSet ? summary(selection.selectionSet, type) : new Map();
          if (!entityTypes.has(type.name)) {
            mergeReentries(total, below);
            continue;
          }
          const here: Reentries = new Map(below);
          const same = below.get(type.name) ?? { nested: 0, top: 0 };
          // Every field of this type below is now below one of its own type.
          here.set(type.name, { nested: add(same.nested, same.top), top: 1 });
          mergeReentries(total, here);
        }
      }
      memo.set(selectionSet, total);
      return total;
    };
    let refused = false;
    return {
      OperationDefinition(operation) {
        if (refused) return false;
        const counts = summary(operation.selectionSet, schema.getRootType(operation.operation));
        const found = [...counts].filter(([, { nested }]) => nested > 0);
        const reentries = found.reduce((sum, [, { nested }]) => add(sum, nested), 0);
        if (reentries > maxReentries) {
          refused = true;
          const which = found
            .map(([type, { nested }]) => `${type} ${nested >= CAP ? "more than 10^9" : nested} times`)
            .join(", ");
          context.reportError(
            refuse(
              `entity types are reached again within themselves ${reentries >= CAP ? "more than 10^9" : reentries} times (${which})`,
            ),
          );
        }
        return false;
      },
      FragmentDefinition: () => false,
    };
  };
}
