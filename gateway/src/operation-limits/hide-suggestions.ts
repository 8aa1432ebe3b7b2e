// graphql-js suggests names close to a mistyped one ("Did you mean the enum value "PROVINCE"?",
// "Did you mean "name"?") in validation and variable errors alike; with introspection off in
// production those hints would give the schema away, so every error leaves without them.
import type { GraphQLFormattedError } from "graphql";

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(SUGGESTION, "");
  return message === error.message ? error : { ...error, message };
}
