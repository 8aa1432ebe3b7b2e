// The list-aware cost of operations, on the committed supergraph: the questions dashboards and the
// benchmark ask stay within the limit, answers that grow with the country's communes do not.
import { Supergraph } from "@apollo/federation-internals";
import { getIntrospectionQuery, parse } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { readSupergraph } from "../supergraph";
import { MAX_LIST_COST, expectedLength, listCostEstimator } from "../operation-limits/list-cost";

const schema = Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema();
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [listCostEstimator] });
const codes = (n: number) => Array.from({ length: n }, (_, i) => `I${i}`);

describe("list cost", () => {
  it("multiplies a list's selection by its expected length", () => {
    expect(cost(`{ areas(level: PROVINCE) { code name } }`)).toBe(63 * 3);
    expect(cost(`{ areas(level: COMMUNE, within: "38") { code } }`)).toBe(600 * 2);
    expect(cost(`{ area(code: "38") { children { code children { code } } } }`)).toBe(1 + 30 * (2 + 30 * 2));
    // one element per indicator code and period asked for, inline or in variables
    expect(
      cost(`query ($c: [ID!]!) { rollup(indicatorCodes: $c, periods: ["2023", "2024"], parentCode: "VN", level: PROVINCE) { total } }`, { c: codes(4) }),
    ).toBe(4 * 2 * 63 * 2);
  });

  it("costs nothing for introspection, so schema tools and explorers work", () => {
    expect(cost(getIntrospectionQuery())).toBe(0);
    expect(cost(`{ __typename areas(level: PROVINCE) { __typename code } }`)).toBe(63 * 2);
  });

  it("takes a page size when the field has one", () => {
    expect(expectedLength("Area", "activities", { limit: 5 })).toBe(5);
    expect(expectedLength("Query", "areas", { level: "COMMUNE", first: 50 })).toBe(50);
    expect(expectedLength("Query", "areas", { level: "COMMUNE" })).toBe(10_600);
    // A rollup's page counts areas, each with one value per indicator and period.
    expect(expectedLength("Query", "rollup", { indicatorCodes: codes(3), periods: ["2023", "2024"], parentCode: "VN", level: "COMMUNE", first: 100 })).toBe(
      600,
    );
  });

  it("admits the benchmark's dashboard and drill-down and a national rollup of every commune", () => {
    const dashboard = `query ($codes: [ID!]!, $periods: [String!]!) { rollup(indicatorCodes: $codes, periods: $periods, parentCode: "VN", level: PROVINCE) { indicator { code } area { code } period total male female } }`;
    expect(cost(dashboard, { codes: codes(10), periods: ["2024"] })).toBeLessThan(MAX_LIST_COST / 10);
    const drillDown = `query ($codes: [ID!]!, $periods: [String!]!) { rollup(indicatorCodes: $codes, periods: $periods, parentCode: "38", level: DISTRICT) { indicator { code } area { code name } period total male female completeness } }`;
    expect(cost(drillDown, { codes: codes(5), periods: ["2024"] })).toBeLessThan(MAX_LIST_COST / 10);
    const national = `{ rollup(indicatorCodes: ["A", "B"], periods: ["2022", "2023", "2024"], parentCode: "VN", level: COMMUNE) { area { code } total } }`;
    expect(cost(national)).toBeLessThanOrEqual(MAX_LIST_COST);
  });

  it("puts the answers that grow with every commune's nested lists over the limit", () => {
    expect(cost(`{ areas(level: COMMUNE) { children { children { parent { code } } } } }`)).toBeGreaterThan(MAX_LIST_COST);
    const values = `query ($c: [ID!]!) { areas(level: COMMUNE) { code indicatorValues(indicatorCodes: $c, periods: ["2022", "2023", "2024"]) { total } } }`;
    expect(cost(values, { c: codes(18) })).toBeGreaterThan(MAX_LIST_COST);
  });
});
