// The media type of a single GraphQL answer, chosen from the Accept header as Apollo Server chooses it,
// for the answers the gateway sends itself (response cache hits, persisted-query and request errors).
import Negotiator from "negotiator";

export const APPLICATION_JSON = "application/json; charset=utf-8";
export const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json; charset=utf-8";

/** The media type to answer with; null when the client accepts neither (Apollo Server answers it 406). */
export function graphQLMediaType(accept: string | undefined): string | null {
  if (accept === undefined) return APPLICATION_JSON;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? null;
}

/** Whether the client asked for the GraphQL-over-HTTP media type, whose request errors are 4xx. */
export const isGraphQLResponseJson = (mediaType: string | null | undefined): boolean => mediaType?.startsWith("application/graphql-response+json") === true;

/** Whether a browser navigating to the page asked for HTML rather than a GraphQL answer. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
}
