// Test harness for the indicators subgraph: a migrated test database with the catalogue and a
// small hand-built area tree, and GraphQL executed in-process against the subgraph schema.
import { type ExecutionResult, graphql } from "graphql";
import type { AreaRow, Identity } from "@vnge/shared";
import { NATION_ROW, importAreas } from "../area-import";
import { NATIONAL_ADMIN, fixtureArea as area, testIdentity, testServiceContext } from "@vnge/shared/testing/service-context";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { seedCatalogue } from "../catalogue/catalogue.seed";
import { createContext } from "../context";
import { buildSchema } from "../schema";

/** 2 provinces > 4 districts > 8 communes: 01 > 001 (00001, 00002), 002 (00003, 00004); 02 > 003 (00005, 00006), 004 (00007, 00008). */
export const FIXTURE_AREAS: AreaRow[] = [
  NATION_ROW,
  area("01", "PROVINCE", "VN", null, null),
  area("02", "PROVINCE", "VN", null, null),
  area("001", "DISTRICT", "01", "01", null),
  area("002", "DISTRICT", "01", "01", null),
  area("003", "DISTRICT", "02", "02", null),
  area("004", "DISTRICT", "02", "02", null),
  ...["00001", "00002"].map((code) => area(code, "COMMUNE", "001", "01", "001")),
  ...["00003", "00004"].map((code) => area(code, "COMMUNE", "002", "01", "002")),
  ...["00005", "00006"].map((code) => area(code, "COMMUNE", "003", "02", "003")),
  ...["00007", "00008"].map((code) => area(code, "COMMUNE", "004", "02", "004")),
];

export async function openFixtureDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await importAreas(db, FIXTURE_AREAS);
  await seedCatalogue(db);
  return db;
}

export { NATIONAL_ADMIN, testIdentity as identity };

/** Runs one operation as the subgraph would, with a fresh per-request context for `caller`. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers of any shape by default
export async function execute<T = Record<string, any>>(
  db: TestDatabase,
  source: string,
  variableValues?: Record<string, unknown>,
  caller: Identity = NATIONAL_ADMIN,
): Promise<ExecutionResult<T>> {
  const schema = await buildSchema();
  const contextValue = createContext(testServiceContext(db, caller));
  return graphql({ schema, source, variableValues, contextValue }) as Promise<ExecutionResult<T>>;
}

/** Like execute, but fails the test on any error. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers of any shape by default
export async function run<T = Record<string, any>>(db: TestDatabase, source: string, variableValues?: Record<string, unknown>, caller?: Identity): Promise<T> {
  const result = await execute<T>(db, source, variableValues, caller);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.data as T;
}

export const SUBMIT = `mutation ($input: SubmitDataValuesInput!) {
  submitDataValues(input: $input) { imported updated unchanged rejected conflicts { index field message } }
}`;
