/**
 * The planner's own guard, answered as the client's mistake: @apollo/query-planner throws
 * "Too many options generated for <field>" once it has weighed more than its pathsLimit
 * (maxPlanOptions) ways to fetch one field, which Apollo Server answered as HTTP 500. The
 * gateway's executor is wrapped so that this becomes HTTP 400 with QUERY_PLAN_TOO_COSTLY and
 * the limit, like every other limit.
 */
import type { ApolloGateway } from "@apollo/gateway";
import type { ApolloServerOptions } from "@apollo/server";
import { limitError } from "./operation-limits";

type Gateway = NonNullable<Extract<ApolloServerOptions<never>, { gateway?: unknown }>["gateway"]>;

const TOO_MANY_PLAN_OPTIONS = /Too many options generated for (.*)/;

export function guardPlanning(gateway: ApolloGateway, maxPlanOptions: number): Gateway {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const loaded = await gateway.load(options);
      return {
        executor: async (requestContext) => {
          try {
            return await loaded.executor(requestContext);
          } catch (error) {
            const planning = TOO_MANY_PLAN_OPTIONS.exec((error as Error)?.message ?? "");
            if (!planning) throw error;
            throw limitError(
              "maxPlanOptions",
              maxPlanOptions,
              `more options than that to plan ${planning[1].slice(0, 60)}`,
            );
          }
        },
      };
    },
  };
}
