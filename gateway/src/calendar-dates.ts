/**
 * Dates checked at the gateway, where the argument can still be named: the supergraph's Date
 * scalar is opaque to the gateway, so a date that does not exist (2019-02-30) or lies outside
 * the plausible years would otherwise reach a subgraph and come back as its failure. Refused
 * as BAD_USER_INPUT naming the argument (a literal) or the variable (with its path).
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { dateProblem } from "@csg/schema";
import {
  type ASTNode,
  GraphQLError,
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  typeFromAST,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

const DATE = "Date";

function badDate(message: string, nodes?: ASTNode[]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
}

/** Literal dates in the document. */
export const calendarDatesRule: ValidationRule = (context: ValidationContext) => ({
  StringValue(node, _key, _parent, _path, ancestors) {
    if (getNamedType(context.getInputType() ?? undefined)?.name !== DATE) return;
    const problem = dateProblem(node.value);
    if (!problem) return;
    const argument = context.getArgument();
    const fields = ancestors.flatMap((a) =>
      !Array.isArray(a) && (a as ASTNode).kind === Kind.OBJECT_FIELD
        ? [(a as { name: { value: string } }).name.value]
        : [],
    );
    const field = context.getFieldDef();
    const name = [argument?.name ?? "?", ...fields].join(".");
    context.reportError(badDate(`Argument "${name}"${field ? ` of ${field.name}` : ""} ${problem}.`, [node]));
  },
});

function* badDates(type: GraphQLInputType, value: unknown, path: string): Generator<string> {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value))
      for (const [i, item] of value.entries()) yield* badDates(nullable.ofType, item, `${path}[${i}]`);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== "object") return;
    for (const field of Object.values(nullable.getFields()))
      yield* badDates(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
    return;
  }
  if (getNamedType(nullable).name !== DATE) return;
  const problem = dateProblem(value);
  if (problem) yield `Variable "${path}" ${problem}.`;
}

/** Dates in the request's variables. */
export function calendarDatesPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema, request }) {
          const problems: string[] = [];
          for (const definition of operation?.variableDefinitions ?? []) {
            const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
            const name = definition.variable.name.value;
            if (type) problems.push(...badDates(type, request.variables?.[name], `$${name}`));
          }
          if (problems.length) throw badDate(problems.join(" "));
        },
      };
    },
  };
}
