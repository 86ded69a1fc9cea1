/**
 * Operation limits, checked by the gateway before it plans a query: a query over a limit is
 * refused at once (HTTP 400) with a GraphQL error whose `extensions.code` names the limit and
 * whose `extensions.limit` gives its name and value. GraphQL Armor's rules do the counting
 * (tokens: graphql-js's parser); "the same list nested in itself" and "an entity type nested
 * in itself" are our own (Armor has none); the planner's own guard backs them up (maxPlanOptions).
 */
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import type { OperationLimits } from "./operation-limit-settings";
import { entityNestingRule, entityReentriesRule } from "./entity-nesting";
import { listNestingRule } from "./list-nesting";

/** The error code of each limit. */
export const LIMIT_CODES: Record<keyof OperationLimits, string> = {
  maxTokens: "MAX_TOKENS_EXCEEDED",
  maxDepth: "MAX_DEPTH_EXCEEDED",
  maxAliases: "MAX_ALIASES_EXCEEDED",
  maxDirectives: "MAX_DIRECTIVES_EXCEEDED",
  maxCost: "MAX_COST_EXCEEDED",
  maxListNesting: "LIST_NESTED_IN_ITSELF",
  maxEntityNesting: "ENTITY_NESTED_IN_ITSELF",
  maxEntityReentries: "ENTITY_REENTRIES_EXCEEDED",
  maxPlanOptions: "QUERY_PLAN_TOO_COSTLY",
};

/** The refusal of one limit: what was found, the limit's name and value. */
export function limitError(name: keyof OperationLimits, value: number, found: string): GraphQLError {
  return new GraphQLError(`The operation exceeds the gateway's limit ${name} of ${value}: ${found}.`, {
    extensions: { code: LIMIT_CODES[name], limit: { name, value }, http: { status: 400 } },
  });
}

/** Armor reports through callbacks; we report our own error (Armor's says only BAD_USER_INPUT). */
function reportAs(name: keyof OperationLimits, value: number, found: (armorMessage: string) => string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(name, value, found(error.message))),
    ],
  };
}

const foundIn = (message: string) => {
  const found = Number(message.match(/found (\d+(?:\.\d+)?(?:e\+\d+)?)/)?.[1]);
  return Number.isFinite(found) ? String(Math.round(found)) : undefined;
};

/** `entityTypes`: the supergraph's (entityTypesOf); none, no entity nesting is counted. */
export function operationLimitRules(limits: OperationLimits, entityTypes: Set<string> = new Set()): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      ...reportAs("maxDepth", limits.maxDepth, (m) => `fields nested ${foundIn(m) ?? "more"} deep`),
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      ...reportAs("maxAliases", limits.maxAliases, (m) => `${foundIn(m) ?? "more"} aliases`),
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...reportAs("maxDirectives", limits.maxDirectives, (m) => `${foundIn(m) ?? "more"} directives`),
    }),
    costLimitRule({
      maxCost: limits.maxCost,
      ...reportAs("maxCost", limits.maxCost, (m) => `an estimated cost of ${foundIn(m) ?? "more"}`),
    }),
    listNestingRule(limits.maxListNesting, (found) => limitError("maxListNesting", limits.maxListNesting, found)),
    entityNestingRule(entityTypes, limits.maxEntityNesting, (found) =>
      limitError("maxEntityNesting", limits.maxEntityNesting, found),
    ),
    entityReentriesRule(entityTypes, limits.maxEntityReentries, (found) =>
      limitError("maxEntityReentries", limits.maxEntityReentries, found),
    ),
  ];
}

/**
 * The token limit is graphql-js's own (Apollo Server's parseOptions): the parser stops at the
 * limit, so a huge document costs no more than the limit, and reports a syntax error, which
 * ruleCodeOf turns into the limit's code.
 */
export const parseOptions = (limits: OperationLimits) => ({ maxTokens: limits.maxTokens });

// graphql-js writes "more that" (sic) in some versions.
const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Apollo Server reports every validation error as GRAPHQL_VALIDATION_FAILED; our rules' own
 * code (a limit's, or BAD_USER_INPUT for a date), kept on the original error, goes back in its place.
 */
export function ruleCodeOf(error: unknown): { message?: string; extensions: Record<string, unknown> } | undefined {
  const original = (error as { originalError?: unknown })?.originalError;
  // Apollo Server's copy of graphql-js made this one: recognised by its message, not its class.
  const tokens = TOO_MANY_TOKENS.exec(`${(error as Error)?.message} ${(original as Error | undefined)?.message}`);
  if (tokens) {
    const { message, extensions } = limitError("maxTokens", Number(tokens[1]), `more than ${tokens[1]} tokens`);
    return { message, extensions: { code: extensions.code, limit: extensions.limit } };
  }
  if (original instanceof GraphQLError && typeof original.extensions.code === "string") {
    return {
      extensions: {
        code: original.extensions.code,
        ...(original.extensions.limit ? { limit: original.extensions.limit } : {}),
      },
    };
  }
  return undefined;
}
