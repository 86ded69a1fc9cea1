import { type OptionSpec, wholeNumberSetting } from "@csg/service-runtime";

/**
 * Bytes of answers the response cache keeps by default: about 550 dashboards' answers of 58 KB,
 * more than the county's pages and dashboards ask for between two writes. Bounded because
 * every unique read is stored (a flood of them fills the cache with answers never asked for
 * again); 32 MiB keeps the whole system within 400 MiB after such a flood (OPERATIONS.md).
 */
export const DEFAULT_RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;
/** Bytes of subgraph answers kept by default (kept-subgraph-answers.ts). */
export const DEFAULT_SUBGRAPH_ANSWERS_BYTES = 16 * 1024 * 1024;

/** The gateway's speed settings; each on unless switched off. */
export interface FreshnessOptions {
  /** Answers of reads kept until a subgraph's revision changes (`CSG_RESPONSE_CACHE=off` switches it off). */
  responseCache?: boolean;
  /** Identical in-flight subgraph requests sent once (`CSG_DEDUPLICATION=off` switches it off). */
  deduplication?: boolean;
  /** Bytes of answers the cache keeps (`CSG_RESPONSE_CACHE_MAX_BYTES`, default DEFAULT_RESPONSE_CACHE_BYTES, 32 MiB). */
  cacheMaxBytes?: number;
  /** Subgraph answers kept for identical fetches at the same revisions (`CSG_SUBGRAPH_ANSWERS=off` switches it off). */
  subgraphAnswers?: boolean;
  /** Bytes of subgraph answers kept (`CSG_SUBGRAPH_ANSWERS_MAX_BYTES`, default 16 MiB). */
  subgraphAnswersMaxBytes?: number;
}

const off = (value: string | undefined) => value !== undefined && /^(off|false|0|no)$/i.test(value);

/** Options given win; else the environment; else on. */
export function resolveFreshness(
  options: FreshnessOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Required<FreshnessOptions> {
  return {
    responseCache: options.responseCache ?? !off(env.CSG_RESPONSE_CACHE),
    deduplication: options.deduplication ?? !off(env.CSG_DEDUPLICATION),
    cacheMaxBytes:
      options.cacheMaxBytes ?? wholeNumberSetting("CSG_RESPONSE_CACHE_MAX_BYTES", DEFAULT_RESPONSE_CACHE_BYTES, env),
    subgraphAnswers: options.subgraphAnswers ?? !off(env.CSG_SUBGRAPH_ANSWERS),
    subgraphAnswersMaxBytes:
      options.subgraphAnswersMaxBytes ??
      wholeNumberSetting("CSG_SUBGRAPH_ANSWERS_MAX_BYTES", DEFAULT_SUBGRAPH_ANSWERS_BYTES, env),
  };
}

const onOff = (env: string, description: string): OptionSpec => ({
  type: "string",
  value: "on|off",
  env,
  exported: true,
  choices: ["on", "off"],
  description,
});

/**
 * The settings above as command-line options, the same for `node dist/gateway.mjs` and
 * `pnpm start` (whose launcher passes them on through the environment, read above).
 */
export const FRESHNESS_COMMAND_OPTIONS: Record<string, OptionSpec> = {
  "response-cache": onOff("CSG_RESPONSE_CACHE", "The gateway's response cache (default on)."),
  deduplication: onOff("CSG_DEDUPLICATION", "Sharing identical in-flight subgraph requests (default on)."),
  "subgraph-answers": onOff(
    "CSG_SUBGRAPH_ANSWERS",
    "Keeping subgraph answers for identical fetches while nothing is written (default on).",
  ),
};
