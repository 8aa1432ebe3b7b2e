// Trusted documents (decision 0103): operations registered ahead of time, from the persisted-documents manifest
// GraphQL Code Generator writes (`{ "<sha256>": "<document>" }`). Anyone may send a registered operation by its
// hash alone; an API key marked trusted-documents-only may send nothing else, so a leaked partner key cannot
// run arbitrary queries. The list lives in PostgreSQL, so every gateway copy enforces the same one.
import type { ApolloServerPlugin } from "@apollo/server";
import { BadUserInputError, type Database } from "@vnge/shared";
import { printExecutableGraphQLDocument } from "@graphql-tools/documents";
import { type DocumentNode, GraphQLError, parse } from "graphql";
import type { GatewayContext } from "../context";
import { sha256 } from "../http/persisted-queries";
import { TrustedDocumentStore } from "./trusted-document.store";

/**
 * The hash of a document in the canonical form Code Generator registers (selections, arguments and variables
 * sorted, one line): the same operation, however the client spaced or ordered it.
 */
export function normalizedHash(document: string | DocumentNode): string | null {
  try {
    return sha256(printExecutableGraphQLDocument(typeof document === "string" ? parse(document) : document));
  } catch {
    return null;
  }
}

export class UntrustedDocumentError extends GraphQLError {
  constructor() {
    super("This API key may send only registered operations (trusted documents); this one is not registered.", {
      extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST", http: { status: 403 } },
    });
  }
}

export class TrustedDocuments {
  private readonly store: TrustedDocumentStore;

  constructor(db: Database) {
    this.store = new TrustedDocumentStore(db);
  }

  /**
   * Registers a manifest's documents for a client. Every entry is checked first (the hash is the SHA-256 of its
   * text, the text parses); one bad entry refuses the whole manifest. A hash registered before keeps its document.
   */
  async register(clientName: string, manifest: unknown): Promise<{ registered: number; unchanged: number }> {
    if (!clientName.trim()) throw new BadUserInputError("a client name is required");
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
      throw new BadUserInputError('the manifest must be a JSON object of "<sha256 hash>": "<document>"');
    }
    const entries = Object.entries(manifest as Record<string, unknown>);
    if (entries.length === 0) throw new BadUserInputError("the manifest holds no documents");
    const problems: string[] = [];
    const rows = entries.flatMap(([key, document]) => {
      // Code Generator writes "sha256:<hex>" (the GraphQL-over-HTTP document id); the hex alone is accepted too.
      const hash = key.toLowerCase().replace(/^sha256:/, "");
      const refuse = (problem: string) => {
        problems.push(`${key}: ${problem}`);
        return [];
      };
      if (typeof document !== "string") return refuse("the document must be a string");
      if (sha256(document) !== hash) return refuse("not the SHA-256 of its document");
      const normalized = normalizedHash(document);
      if (normalized === null) return refuse("the document is not valid GraphQL");
      return [{ hash, normalizedHash: normalized, document, clientName: clientName.trim() }];
    });
    if (problems.length > 0) throw new BadUserInputError(`the manifest was not registered: ${problems.join("; ")}`);
    const registered = await this.store.register(rows);
    return { registered, unchanged: rows.length - registered };
  }

  /** A registered document's text, for a request that sends the hash alone. */
  document(hash: string): Promise<string | undefined> {
    return this.store.document(hash.toLowerCase());
  }

  /** Whether an operation, as Apollo Server parsed it, is registered. */
  async isTrusted(document: DocumentNode): Promise<boolean> {
    const normalized = normalizedHash(document);
    return normalized !== null && (await this.store.hasNormalized(normalized));
  }

  list(): Promise<{ clientName: string; count: number }[]> {
    return this.store.list();
  }
}

/**
 * Refuses, before planning, any operation a trusted-documents-only caller sends that is not registered; without
 * a list of registered documents such a caller gets nothing (the rule fails closed).
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart: async () => ({
      // After parsing and validation: a GraphQLError thrown here is answered with its status.
      didResolveOperation: async ({ document, contextValue }) => {
        if (contextValue.trustedDocumentsOnly && !(trusted && (await trusted.isTrusted(document)))) throw new UntrustedDocumentError();
      },
    }),
  };
}
