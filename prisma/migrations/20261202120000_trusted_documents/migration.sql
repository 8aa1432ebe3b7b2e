-- Trusted documents (docs/decisions/0103-trusted-documents.md): the operations registered for clients, and
-- API keys that may send only those.
ALTER TABLE "access"."api_key" ADD COLUMN "trusted_documents_only" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "access"."trusted_document" (
    "hash" TEXT NOT NULL,
    "normalized_hash" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "client_name" TEXT NOT NULL,
    "registered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "trusted_document_pkey" PRIMARY KEY ("hash")
);
CREATE INDEX "trusted_document_normalized_hash_idx" ON "access"."trusted_document"("normalized_hash");
