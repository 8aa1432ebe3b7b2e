// The cost of an operation as the number of values its answer can hold: every field counts once for
// each time it appears in the answer, and a list field multiplies what it selects by its expected
// length, read from its arguments (a page size, the level of the areas asked for, the codes and
// periods passed). Refused before execution when over the limit (docs/decisions/0073-list-cost-limit.md).
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, getNullableType, getVariableValues, isListType } from "graphql";
import { type ComplexityEstimator, getComplexity } from "graphql-query-complexity";

/** About the largest answer a dashboard asks for: six indicator-periods rolled up for every commune of the country. */
export const MAX_LIST_COST = 300_000;

export const OPERATION_TOO_COSTLY = "OPERATION_TOO_COSTLY";

/**
 * Areas per level in the whole country and beneath one province: the largest of the hierarchy versions
 * (63 provinces, 705 districts and 10,599 communes before the 2025 reform; 34 and 3,321 after it).
 */
const AREAS_IN_COUNTRY: Record<string, number> = { NATION: 1, PROVINCE: 63, DISTRICT: 705, COMMUNE: 10_600 };
const AREAS_IN_PROVINCE: Record<string, number> = { NATION: 0, PROVINCE: 1, DISTRICT: 30, COMMUNE: 600 };
const ALL_AREAS = 11_400;
const ALL_AREAS_IN_PROVINCE = 630;
/** Children of one area, and any other list nothing tells the length of. */
const CHILDREN = 30;
const DEFAULT_LIST = 20;
const NATION_CODE = "VN";

/** Arguments a client sets a page's length with. */
const PAGE_ARGUMENTS = ["first", "last", "limit", "take"];

type Args = Record<string, unknown>;

function areasAt(level: unknown, within: unknown): number {
  const inCountry = within === undefined || within === null || within === NATION_CODE;
  if (typeof level !== "string") return inCountry ? ALL_AREAS : ALL_AREAS_IN_PROVINCE;
  return (inCountry ? AREAS_IN_COUNTRY : AREAS_IN_PROVINCE)[level] ?? ALL_AREAS;
}

/** Expected length of a list field before its list arguments multiply it. */
const BASE_LENGTH: Record<string, (args: Args) => number> = {
  "Query.areas": (args) => areasAt(args.level, args.within),
  // Without a level, a rollup answers the parent's children.
  "Query.rollup": (args) =>
    args.level == null ? (args.parentCode === NATION_CODE ? AREAS_IN_COUNTRY.PROVINCE : CHILDREN) : areasAt(args.level, args.parentCode),
  // One value per indicator and period, both passed as lists.
  "Area.indicatorValues": () => 1,
  "Area.children": () => CHILDREN,
};

/** Lists whose page counts areas, each holding one element per indicator and period asked for. */
const PAGES_OF_AREAS = new Set(["Query.rollup"]);

/** The expected number of elements of a list field, from its arguments. */
export function expectedLength(typeName: string, fieldName: string, args: Args): number {
  const field = `${typeName}.${fieldName}`;
  const page = PAGE_ARGUMENTS.map((name) => args[name]).find((size): size is number => typeof size === "number" && Number.isInteger(size) && size >= 0);
  if (page !== undefined && !PAGES_OF_AREAS.has(field)) return page;
  const base = page ?? BASE_LENGTH[field]?.(args) ?? DEFAULT_LIST;
  // Each list argument (codes, periods) asks for one element per entry.
  return Object.values(args).reduce<number>((length, value) => (Array.isArray(value) ? length * value.length : length), base);
}

export const listCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection is answered from the schema in memory, however many types and fields it lists.
  if (field.name.startsWith("__") || type.name.startsWith("__")) return 0;
  const one = 1 + childComplexity;
  return isListType(getNullableType(field.type)) ? expectedLength(type.name, field.name, args) * one : one;
};

export class OperationTooCostlyError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code: OPERATION_TOO_COSTLY, http: { status: 400 } } });
  }

  static over(cost: number, maxCost: number): OperationTooCostlyError {
    return new OperationTooCostlyError(
      `This operation could answer about ${cost.toLocaleString("en")} values, more than the limit of ${maxCost.toLocaleString("en")}: ` +
        "ask for fewer areas, indicators or periods at once (a narrower level, a parent area, a page), or fewer nested lists.",
      { cost, maxCost },
    );
  }
}

/** Refuses, after validation and before planning, an operation whose estimated answer is over `maxCost` values. */
export function listCostLimit(maxCost: number = MAX_LIST_COST): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, request, operation, operationName }) => {
        // No operation to estimate: execution refuses the request with the reason (400).
        if (!operation) return;
        const variables = request.variables ?? {};
        // Variables that cannot be coerced are refused by execution, with their own message.
        if (getVariableValues(schema, operation?.variableDefinitions ?? [], variables).errors) return;
        let cost: number;
        try {
          cost = getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [listCostEstimator] });
        } catch {
          // Fragments spread into each other until the count of fields to evaluate passes its bound.
          throw new OperationTooCostlyError("This operation expands into too many fields to evaluate: spread fewer fragments into each other.");
        }
        if (cost > maxCost) throw OperationTooCostlyError.over(cost, maxCost);
      },
    }),
  };
}
