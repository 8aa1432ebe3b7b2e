// Which operations the response cache may answer, judged on the committed supergraph.
import { Supergraph } from "@apollo/federation-internals";
import { type Identity, Role } from "@vnge/shared";
import { type OperationDefinitionNode, parse } from "graphql";
import { readSupergraph } from "../supergraph";
import { fieldsOnlyFrom, isCacheable } from "../response-cache/cacheable-operation";
import { cacheKey } from "../response-cache/cache-key";

const supergraph = readSupergraph();
const neverCached = fieldsOnlyFrom(supergraph);
const schema = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();

const cacheable = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  return isCacheable(schema, document, operation, neverCached);
};

describe("cacheable operations", () => {
  it("finds the fields only the cases subgraph answers in the supergraph", () => {
    for (const field of ["Query.caseRecords", "Query.caseRecord", "Area.caseRecords", "Area.caseStatistics", "Mutation.recordCase", "CaseRecord.status"]) {
      expect(neverCached).toContain(field);
    }
    for (const field of ["Query.rollup", "Area.name", "Area.code", "Area.targets", "Area.activities", "IndicatorValue.total"]) {
      expect(neverCached).not.toContain(field);
    }
  });

  it("caches queries of indicators, plans and communications, also through fragments", () => {
    expect(cacheable(`{ rollup(indicatorCodes: ["X"], periods: ["2023"], parentCode: "VN") { total area { name } } }`)).toBe(true);
    expect(cacheable(`{ area(code: "38") { name targets { targetValue } activities(year: 2024) { id } } }`)).toBe(true);
    expect(cacheable(`query { area(code: "38") { ...A } } fragment A on Area { caseStatistics(period: "2024") { suppressionThreshold } }`)).toBe(false);
  });

  it("never caches a mutation or a case record", () => {
    expect(cacheable(`mutation { submitDataValues(input: { values: [] }) { imported } }`)).toBe(false);
    expect(cacheable(`{ caseRecords(year: 2024, areaCode: "38") { id } }`)).toBe(false);
  });
});

describe("cache keys", () => {
  const identity: Identity = { subject: "a", roles: new Set([Role.ANALYST]), areaCodes: ["38", "62"], via: "token" };
  const base = { schema: "s1", query: "{ x }", variables: { a: 1 }, identity, mode: "development", now: new Date("2026-12-01T10:00:00Z") };

  it("are the same for callers with the same access, whoever they are", () => {
    expect(cacheKey(base)).toBe(cacheKey({ ...base, identity: { ...identity, subject: "b", areaCodes: ["62", "38"] } }));
  });

  it("differ with the schema, mode, variables, roles, areas, language and day", () => {
    const key = cacheKey(base);
    expect(cacheKey({ ...base, schema: "s2" })).not.toBe(key);
    expect(cacheKey({ ...base, mode: "production" })).not.toBe(key);
    expect(cacheKey({ ...base, variables: { a: 2 } })).not.toBe(key);
    expect(cacheKey({ ...base, identity: { ...identity, roles: new Set([Role.PARTNER]) } })).not.toBe(key);
    expect(cacheKey({ ...base, identity: { ...identity, areaCodes: ["38"] } })).not.toBe(key);
    expect(cacheKey({ ...base, language: "vi" })).not.toBe(key);
    expect(cacheKey({ ...base, now: new Date("2026-12-02T10:00:00Z") })).not.toBe(key);
  });
});
