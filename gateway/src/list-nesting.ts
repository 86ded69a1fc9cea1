/**
 * "The same list nested in itself": a list field selected inside a selection of the same
 * field (`coverage { partnership { priorities { csaAlignment { priority { coverage ...`)
 * multiplies the answer by the list's length at every turn of the cycle. Depth and cost
 * limits see only the shape, not the cycle, so this rule counts, on every path, how often
 * each list field (by name and the type it lists, so fragments on other types do not hide
 * it) appears.
 */
import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLOutputType,
  type InlineFragmentNode,
  getNamedType,
  getNullableType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ValidationContext,
  type ValidationRule,
  visit,
  visitWithTypeInfo,
} from "graphql";

function listsOf(type: GraphQLOutputType | null | undefined): boolean {
  return !!type && isListType(getNullableType(type));
}

export function listNestingRule(maxNesting: number, refuse: (found: string) => GraphQLError): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let refused = false;
    // Fragments are inlined as they are met, so a cycle through a fragment is counted too.
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const check = (operation: OperationDefinitionNode) => {
      const typeInfo = new TypeInfo(context.getSchema());
      const path: string[] = [];
      const counts = new Map<string, number>();
      const pushed: boolean[] = [];
      const spreading = new Set<string>();
      const walk = (node: OperationDefinitionNode | InlineFragmentNode) =>
        visit(
          node,
          visitWithTypeInfo(typeInfo, {
            Field: {
              enter(field: FieldNode) {
                const type = typeInfo.getType();
                const isList = listsOf(type);
                pushed.push(isList);
                if (!isList) return;
                const key = `${field.name.value}: [${getNamedType(type!)!.name}]`;
                const count = (counts.get(key) ?? 0) + 1;
                counts.set(key, count);
                path.push(field.name.value);
                if (count > maxNesting && !refused) {
                  refused = true;
                  context.reportError(refuse(`the list ${field.name.value} appears ${count} times on the path ${path.join(" > ")}`));
                }
              },
              leave(field: FieldNode) {
                if (!pushed.pop()) return;
                const key = `${field.name.value}: [${getNamedType(typeInfo.getType()!)!.name}]`;
                counts.set(key, counts.get(key)! - 1);
                path.pop();
              },
            },
            FragmentSpread(spread) {
              const fragment = fragments.get(spread.name.value);
              // A fragment spread inside itself is refused by GraphQL's own validation.
              if (!fragment || spreading.has(spread.name.value)) return;
              spreading.add(spread.name.value);
              walk({ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, selectionSet: fragment.selectionSet });
              spreading.delete(spread.name.value);
            },
          }),
        );
      walk(operation);
    };
    return {
      OperationDefinition(operation) {
        if (!refused) check(operation);
        return false;
      },
      FragmentDefinition: () => false,
    };
  };
}
