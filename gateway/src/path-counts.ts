/**
 * Counting on every path of a document, in time linear in the document. A first pass
 * summarises each selection set once, bottom up, as the most times each key appears on any
 * one path below it; a fragment's summary is kept and reused by every spread of it (a rule
 * that walked each fragment again on every path took seconds on 17 fragments each spreading
 * the next twice: 2^17 paths). Only when the operation is over the limit does a second pass
 * find the refusal a walk in document order would meet first: it descends, with the counts
 * of its path, only into the one selection the summaries say holds it, and stops there.
 */
import {
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

/** The most times each key appears on one path below a selection. */
type Summary = Map<string, number>;

const EMPTY: Summary = new Map();

/** What a field counts as on a path (e.g. `coverage: [CsaCoverage]`); null: nothing. */
export type CountedAs = (field: GraphQLField<unknown, unknown>, name: string) => string | null;

/** The first field over the limit: its name and key, how often it appears, the counted fields on its path. */
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

/** Keeps, per key, the larger count. */
function merge(into: Summary, from: Summary): void {
  for (const [key, count] of from) if ((into.get(key) ?? 0) < count) into.set(key, count);
}

function fieldsOf(type: GraphQLNamedType | undefined | null) {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
}

/** The summaries of one document: every selection set's once, fragments by name. */
class Summaries {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly bySelectionSet = new WeakMap<SelectionSetNode, Summary>();
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

  /** The selection set a selection opens, with its type, and the key a field counts as. */
  private open(selection: SelectionNode, parent: GraphQLNamedType | undefined | null, active: Set<string>) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = this.fragments.get(selection.name.value);
      // Unknown, or spread inside itself: GraphQL's own rules refuse both.
      if (!fragment || active.has(fragment.name.value)) return undefined;
      return {
        selectionSet: fragment.selectionSet,
        type: this.schema.getType(fragment.typeCondition.name.value),
        key: null,
        name: "",
        fragment: fragment.name.value,
      };
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
      return { selectionSet: selection.selectionSet, type, key: null, name: "" };
    }
    const definition = fieldsOf(parent)?.[selection.name.value];
    if (!definition) return undefined; // __typename, or a field GraphQL's own rules refuse
    const name = selection.name.value;
    return {
      selectionSet: selection.selectionSet,
      type: getNamedType(definition.type),
      key: this.countedAs(definition, name),
      name,
    };
  }

  summary(selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined | null): Summary {
    const known = this.bySelectionSet.get(selectionSet);
    if (known) return known;
    const summary: Summary = new Map();
    for (const selection of selectionSet.selections) {
      const opened = this.open(selection, parent, this.inProgress);
      if (!opened) continue;
      if (opened.fragment) this.inProgress.add(opened.fragment);
      const below = opened.selectionSet ? this.summary(opened.selectionSet, opened.type) : EMPTY;
      if (opened.fragment) this.inProgress.delete(opened.fragment);
      if (opened.key === null) {
        merge(summary, below);
        continue;
      }
      merge(summary, new Map([...below, [opened.key, (below.get(opened.key) ?? 0) + 1]]));
    }
    this.bySelectionSet.set(selectionSet, summary);
    return summary;
  }

  private exceeds(summary: Summary, counts: Map<string, number>): boolean {
    for (const [key, count] of summary) if ((counts.get(key) ?? 0) + count > this.maxNesting) return true;
    return false;
  }

  /** The refusal a walk in document order meets first, below a selection set known to hold one. */
  firstRefusal(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined | null,
    counts: Map<string, number>,
    path: string[],
    active = new Set<string>(),
  ): Refused | undefined {
    for (const selection of selectionSet.selections) {
      const opened = this.open(selection, parent, active);
      if (!opened) continue;
      let inner = counts;
      let innerPath = path;
      if (opened.key !== null) {
        const count = (counts.get(opened.key) ?? 0) + 1;
        innerPath = [...path, opened.name];
        if (count > this.maxNesting) return new Refused(opened.name, opened.key, count, innerPath.join(" > "));
        inner = new Map(counts).set(opened.key, count);
      }
      if (!opened.selectionSet || !this.exceeds(this.summary(opened.selectionSet, opened.type), inner)) continue;
      return this.firstRefusal(
        opened.selectionSet,
        opened.type,
        inner,
        innerPath,
        opened.fragment ? new Set(active).add(opened.fragment) : active,
      );
    }
    return undefined;
  }
}

/**
 * A validation rule's check: on every path of each operation, how often each key of
 * `countedAs` appears; the first over `maxNesting` is reported once, by `refuse`.
 */
export function countOnPaths(
  context: ValidationContext,
  maxNesting: number,
  countedAs: CountedAs,
  refuse: (refused: Refused) => void,
) {
  const document = context.getDocument();
  const schema = context.getSchema();
  const summaries = new Summaries(schema, document.definitions, maxNesting, countedAs);
  let refused = false;
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      if (refused) return false;
      const root = schema.getRootType(operation.operation);
      const summary = summaries.summary(operation.selectionSet, root);
      if ([...summary.values()].some((count) => count > maxNesting)) {
        const refusal = summaries.firstRefusal(operation.selectionSet, root, new Map(), []);
        if (refusal) {
          refused = true;
          refuse(refusal);
        }
      }
      return false;
    },
    FragmentDefinition: () => false,
  };
}
