// A document whose operation cannot be chosen (several operations and no operationName, or a name
// that is none of them) is a client mistake: refused 400 here, before anything that needs the
// operation runs (Apollo Gateway's executor throws on it, which Apollo Server answers 500).
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind } from "graphql";

export const OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE";

export function requireOperation(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ document, operation, request }) => {
        if (operation) return;
        const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
        const message =
          typeof request.operationName === "string" && request.operationName !== ""
            ? `Unknown operation named "${request.operationName}".`
            : operations > 1
              ? "Must provide operationName: the document contains several operations."
              : "The document contains no operation.";
        throw new GraphQLError(message, { extensions: { code: OPERATION_RESOLUTION_FAILURE, http: { status: 400 } } });
      },
    }),
  };
}
