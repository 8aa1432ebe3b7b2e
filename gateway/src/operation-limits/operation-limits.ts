// What the gateway refuses before it plans an operation (decisions 0005, 0073, 0082): documents whose
// operation cannot be chosen, documents over the
// token limit (graphql-js counts them while parsing, so the refusal is a 400 parse error), depth,
// aliases and directives (graphql-armor), numbers no double can hold, and answers estimated from
// list lengths to be over the cost limit.
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin } from "@apollo/server";
import type { ParseOptions, ValidationRule } from "graphql";
import { finiteNumbersRule } from "./finite-numbers";
import { MAX_LIST_COST, listCostLimit } from "./list-cost";
import { requireOperation } from "./operation-resolution";

export const MAX_TOKENS = 4000;

export interface OperationLimits {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
}

export function operationLimits(maxCost: number = MAX_LIST_COST): OperationLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: 15 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 20 },
    // Counted by the parser instead: armor's own count throws from a hook, which Apollo answers with 500.
    maxTokens: { enabled: false },
    // Replaced by the list-aware estimate: armor's cost does not grow with the length of lists.
    costLimit: { enabled: false },
    // Hidden in every error message instead (hide-suggestions.ts), enum values and variables included.
    blockFieldSuggestion: { enabled: false },
  });
  const { plugins = [], validationRules = [] } = armor.protect();
  return {
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [...validationRules, finiteNumbersRule],
    plugins: [requireOperation(), ...plugins, listCostLimit(maxCost)],
  };
}
