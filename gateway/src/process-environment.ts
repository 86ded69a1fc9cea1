/**
 * The gateway's options as the environment of its process: the launcher starts the gateway
 * as a process of its own, and gives it what tests and operators set in startSystem's
 * options this way. Given here, an option wins over the same variable inherited from the
 * launcher's environment.
 */
import { CORS_ORIGINS } from "./cross-origin";
import type { FreshnessOptions } from "./freshness/freshness-options";

export { FRESHNESS_COMMAND_OPTIONS } from "./freshness/freshness-options";
import { OPERATION_LIMIT_ENV, type OperationLimits } from "./operation-limit-settings";
import { EXPOSE_INTERNAL_ADDRESSES } from "./public-health";
import { type SubgraphTimeouts, subgraphTimeouts } from "./subgraph-timeouts";

export interface GatewayProcessOptions {
  limits?: Partial<OperationLimits>;
  timeouts?: Partial<SubgraphTimeouts>;
  exposeInternalAddresses?: boolean;
  freshness?: FreshnessOptions;
  corsOrigins?: string[];
}

const onOff = (value: boolean) => (value ? "on" : "off");

export function gatewayEnvironment(options: GatewayProcessOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.limits ?? {}) as [keyof OperationLimits, number | undefined][]) {
    if (value !== undefined) env[OPERATION_LIMIT_ENV[name]] = String(value);
  }
  if (options.timeouts) {
    // Resolved as the gateway would resolve these options alone, then spelt out whole.
    const timeouts = subgraphTimeouts(options.timeouts, {});
    env.CSG_SUBGRAPH_TIMEOUT_MS = String(timeouts.defaultMs);
    env.CSG_SUBGRAPH_TIMEOUTS = Object.entries(timeouts.bySubgraph)
      .map(([name, ms]) => `${name}=${ms}`)
      .join(",");
    env.CSG_REQUEST_DEADLINE_MS = String(timeouts.requestDeadlineMs);
  }
  if (options.exposeInternalAddresses !== undefined)
    env[EXPOSE_INTERNAL_ADDRESSES] = options.exposeInternalAddresses ? "1" : "0";
  const { responseCache, deduplication, cacheMaxBytes, subgraphAnswers, subgraphAnswersMaxBytes } =
    options.freshness ?? {};
  if (responseCache !== undefined) env.CSG_RESPONSE_CACHE = onOff(responseCache);
  if (deduplication !== undefined) env.CSG_DEDUPLICATION = onOff(deduplication);
  if (cacheMaxBytes !== undefined) env.CSG_RESPONSE_CACHE_MAX_BYTES = String(cacheMaxBytes);
  if (subgraphAnswers !== undefined) env.CSG_SUBGRAPH_ANSWERS = onOff(subgraphAnswers);
  if (subgraphAnswersMaxBytes !== undefined) env.CSG_SUBGRAPH_ANSWERS_MAX_BYTES = String(subgraphAnswersMaxBytes);
  if (options.corsOrigins) env[CORS_ORIGINS] = options.corsOrigins.join(",");
  return env;
}

export { CORS_ORIGINS, corsOriginsFrom } from "./cross-origin";
