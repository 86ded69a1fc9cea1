/**
 * An operationName the document does not define (or none, for a document of several
 * operations) is the client's mistake: 400 with OPERATION_RESOLUTION_FAILURE. Left to the
 * gateway's executor it became an HTTP 500.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";

export function operationNamePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (operation) return;
          const names = document.definitions.flatMap((d) =>
            d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? "(anonymous)"] : [],
          );
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}"; the document defines ${names.join(", ") || "no operation"}.`
            : `The document defines several operations (${names.join(", ")}): name one in operationName.`;
          throw new GraphQLError(message, {
            extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } },
          });
        },
      };
    },
  };
}
