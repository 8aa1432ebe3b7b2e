// Every refusal is logged with who, what and why: FORBIDDEN errors raised anywhere in a request.
import type { ApolloServerPlugin } from "@apollo/server";
import type { ServiceContext } from "../service-context";

export function denialLogPlugin<TContext extends Pick<ServiceContext, "identity" | "logger">>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (error.extensions?.code !== "FORBIDDEN") continue;
            contextValue.logger.warn(
              { subject: contextValue.identity?.subject, operation: operationName ?? null, path: error.path?.join("."), reason: error.message },
              "access denied",
            );
          }
        },
      };
    },
  };
}
