// GraphQL Code Generator's client preset: types for every operation written with `graphql()` in src/,
// checked against the published API schema (schema/api.graphql, decision 0092).
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema/api.graphql",
  documents: ["src/**/*.ts", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      config: { enumsAsTypes: true, useTypeImports: true },
      // The manifest of these operations (src/gql/persisted-documents.json), to register as trusted documents.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
    },
  },
};

export default config;
