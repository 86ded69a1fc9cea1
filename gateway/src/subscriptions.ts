/**
 * The gateway serves no subscriptions (no transport for them here): a subscription is the
 * client's mistake, 400 with OPERATION_NOT_SUPPORTED, where the gateway's executor made it an
 * HTTP 500.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";

export function subscriptionsRefusedPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new GraphQLError("This gateway serves queries and mutations only: subscriptions are not supported.", {
            extensions: { code: "OPERATION_NOT_SUPPORTED", http: { status: 400 } },
          });
        },
      };
    },
  };
}
