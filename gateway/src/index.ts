export * from "./gateway";
export * from "./supergraph";
export type { GatewayContext } from "./context";
export * from "./api-keys/api-key.service";
export { ResponseCacheStore } from "./response-cache/response-cache.store";
export { TrustedDocuments, UntrustedDocumentError, normalizedHash } from "./trusted-documents/trusted-documents";
