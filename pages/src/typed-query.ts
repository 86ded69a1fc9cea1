/**
 * A query's text, carrying (for the type checker only) the types of its result and variables,
 * which `pnpm codegen:pages` generates from the text into src/generated/operations.ts. At run time
 * it is the plain string that is sent.
 */
export type TypedQuery<Result, Variables> = string & { readonly __types?: [Result, Variables] };
