// The gateway's own HTTP routes (the yearly report, SDMX) read the supergraph as their caller: the same operations a
// client could send, planned and executed by the gateway's Apollo server with the caller's credential, so every access
// rule (scopes, partners' withheld data, suppressed case figures) holds exactly as it does for a query.
import type { ApolloServer } from "@apollo/server";
import { BadUserInputError, ForbiddenError, NotFoundError, type RequestInfo, UnauthenticatedError } from "@vnge/shared";
import type { Credential } from "./authenticate";
import type { GatewayContext } from "./context";

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs an operation on the supergraph as the caller. */
export type Execute = (document: string, variables: Record<string, unknown>) => Promise<GraphQLAnswer>;

export function executeAsCaller(apollo: ApolloServer<GatewayContext>, request: RequestInfo, credential: Credential): Execute {
  // The operations are the gateway's own, fixed documents: a key limited to registered operations may run them.
  const contextValue: GatewayContext = {
    requestId: request.requestId,
    headers: request.headers,
    logger: request.logger,
    ...credential,
    trustedDocumentsOnly: false,
  };
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("the gateway's own operations are not incremental");
    return response.body.singleResult as GraphQLAnswer;
  };
}

/** The answer's data, or the caller's refusal as the typed error a query would give. */
export async function run<T>(execute: Execute, document: string, variables: Record<string, unknown>): Promise<T> {
  const answer = await execute(document, variables);
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    const field = typeof error.extensions?.field === "string" ? { field: error.extensions.field } : {};
    if (code === "FORBIDDEN") throw new ForbiddenError(error.message);
    if (code === "UNAUTHENTICATED") throw new UnauthenticatedError();
    if (code === "BAD_USER_INPUT") throw new BadUserInputError(error.message, field);
    if (code === "NOT_FOUND") throw new NotFoundError(error.message);
    throw Object.assign(new Error(`an operation of the gateway failed: ${error.message}`), { code });
  }
  return answer.data as T;
}
