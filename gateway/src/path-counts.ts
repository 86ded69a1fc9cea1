/**
 * Counting on every path of a document, in time linear in the document: each selection set
 * is summarised once, bottom up, as the most times each key appears on any one path below
 * it; a fragment's summary is kept and reused by every spread of it (a rule that walked
 * each fragment again on every path took seconds on 17 fragments each spreading the next
 * twice: 2^17 paths). The first key over the limit stops the count.
 */
import {
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLField,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type OperationDefinitionNode,
  type ValidationContext,
} from "graphql";

/** The counted fields from one appearance of a key down to a deeper one (shared tails: no copying). */
interface CountedPath {
  name: string;
  rest: CountedPath | null;
}

/** The most times a key appears on one path below a selection, with that path. */
interface Appearance {
  count: number;
  path: CountedPath | null;
}

/** By key (e.g. `coverage: [CsaCoverage]`). */
type Summary = Map<string, Appearance>;

const EMPTY: Summary = new Map();

/** The first field over the limit: its name, how often it appears, the path from its first appearance. */
export class Refused extends Error {
  constructor(
    readonly field: string,
    readonly key: string,
    readonly count: number,
    readonly path: string,
  ) {
    super(`${field} appears ${count} times on the path ${path}`);
  }
}

function pathText(path: CountedPath | null): string {
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

/** What a field counts as on a path (e.g. `coverage: [CsaCoverage]`); null: nothing. */
export type CountedAs = (field: GraphQLField<unknown, unknown>, name: string) => string | null;

/**
 * The summaries of one document, fragments memoised by name. Throws Refused at the first key
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
    private readonly countedAs: CountedAs,
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
        const below = selection.selectionSet ? this.selections(selection.selectionSet, getNamedType(definition.type)) : EMPTY;
        const name = selection.name.value;
        const key = this.countedAs(definition, name);
        if (key === null) {
          merge(summary, below);
          continue;
        }
        const here: Summary = new Map();
        for (const [other, appearance] of below) here.set(other, { count: appearance.count, path: { name, rest: appearance.path } });
        const inner = below.get(key);
        const count = (inner?.count ?? 0) + 1;
        const appearance = { count, path: { name, rest: inner?.path ?? null } };
        if (count > this.maxNesting) throw new Refused(name, key, count, pathText(appearance.path));
        here.set(key, appearance);
        merge(summary, here);
      }
    }
    return summary;
  }
}

/**
 * A validation rule's check: on every path of each operation, how often each key of
 * `countedAs` appears; the first over `maxNesting` is reported once, by `refuse`.
 */
export function countOnPaths(context: ValidationContext, maxNesting: number, countedAs: CountedAs, refuse: (refused: Refused) => void) {
  const document = context.getDocument();
  const schema = context.getSchema();
  const summaries = new Summaries(schema, document.definitions, maxNesting, countedAs);
  let refused = false;
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      if (refused) return false;
      try {
        summaries.selections(operation.selectionSet, schema.getRootType(operation.operation));
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        refused = true;
        refuse(error);
      }
      return false;
    },
    FragmentDefinition: () => false,
  };
}
