/**
 * "The same list nested in itself": a list field selected inside a selection of the same
 * field (`coverage { partnership { priorities { csaAlignment { priority { coverage ...`)
 * multiplies the answer by the list's length at every turn of the cycle. Depth and cost
 * limits see only the shape, not the cycle, so this rule counts, on every path, how often
 * each list field (by name and the type it lists, so fragments on other types do not hide
 * it) appears.
 *
 * Linear in the document: each selection set is summarised once, bottom up, as the most
 * times each list appears on any one path below it; a fragment's summary is kept and reused
 * by every spread of it (a rule that walked each fragment again on every path took seconds
 * on 17 fragments each spreading the next twice). The first list over the limit stops it.
 */
import {
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/** The list fields from one occurrence of a list down to a deeper one (shared tails: no copying). */
interface ListPath {
  name: string;
  rest: ListPath | null;
}

/** The most times a list appears on one path below a selection, with that path. */
interface Appearance {
  count: number;
  path: ListPath | null;
}

/** By list key (`name: [Type]`). */
type Summary = Map<string, Appearance>;

const EMPTY: Summary = new Map();

class Refused extends Error {
  constructor(readonly found: string) {
    super(found);
  }
}

function pathText(path: ListPath | null): string {
  const names: string[] = [];
  for (let at = path; at; at = at.rest) names.push(at.name);
  return names.join(" > ");
}

/** Keeps, per list, the larger of two appearances. */
function merge(into: Summary, from: Summary): void {
  for (const [key, appearance] of from) {
    const held = into.get(key);
    if (!held || held.count < appearance.count) into.set(key, appearance);
  }
}

function fieldsOf(type: GraphQLNamedType | undefined | null) {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
}

/**
 * The summaries of one document, fragments memoised by name. Throws Refused at the first list
 * that appears more than `maxNesting` times on one path.
 */
class Summaries {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Summary>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    definitions: readonly { kind: Kind }[],
    private readonly maxNesting: number,
  ) {
    for (const definition of definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        const fragment = definition as FragmentDefinitionNode;
        // The first of two fragments of one name is kept; GraphQL's own rules refuse the second.
        if (!this.fragments.has(fragment.name.value)) this.fragments.set(fragment.name.value, fragment);
      }
    }
  }

  private fragment(name: string): Summary {
    const known = this.memo.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Unknown, or spread inside itself: GraphQL's own rules refuse both.
    if (!fragment || this.inProgress.has(name)) return EMPTY;
    this.inProgress.add(name);
    const type = this.schema.getType(fragment.typeCondition.name.value);
    const summary = this.selections(fragment.selectionSet, type);
    this.inProgress.delete(name);
    this.memo.set(name, summary);
    return summary;
  }

  selections(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined | null): Summary {
    const summary: Summary = new Map();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        merge(summary, this.fragment(selection.name.value));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
        merge(summary, this.selections(selection.selectionSet, type));
      } else {
        const definition = fieldsOf(parent)?.[selection.name.value];
        if (!definition) continue; // __typename, or a field GraphQL's own rules refuse
        const named = getNamedType(definition.type);
        const below = selection.selectionSet ? this.selections(selection.selectionSet, named) : EMPTY;
        if (!isListType(getNullableType(definition.type))) {
          merge(summary, below);
          continue;
        }
        const name = selection.name.value;
        const key = `${name}: [${named.name}]`;
        const here: Summary = new Map();
        for (const [other, appearance] of below) here.set(other, { count: appearance.count, path: { name, rest: appearance.path } });
        const inner = below.get(key);
        const count = (inner?.count ?? 0) + 1;
        const appearance = { count, path: { name, rest: inner?.path ?? null } };
        if (count > this.maxNesting) throw new Refused(`the list ${name} appears ${count} times on the path ${pathText(appearance.path)}`);
        here.set(key, appearance);
        merge(summary, here);
      }
    }
    return summary;
  }
}

export function listNestingRule(maxNesting: number, refuse: (found: string) => GraphQLError): ValidationRule {
  return (context: ValidationContext) => {
    const document = context.getDocument();
    const schema = context.getSchema();
    const summaries = new Summaries(schema, document.definitions, maxNesting);
    let refused = false;
    return {
      OperationDefinition(operation) {
        if (refused) return false;
        try {
          summaries.selections(operation.selectionSet, schema.getRootType(operation.operation));
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          refused = true;
          context.reportError(refuse(error.found));
        }
        return false;
      },
      FragmentDefinition: () => false,
    };
  };
}
