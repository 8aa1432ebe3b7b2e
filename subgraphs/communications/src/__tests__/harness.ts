// Test harness for the communications subgraph: a migrated test database with a small area tree and
// one campaign, GraphQL executed in-process, and an indicator feed that records (or refuses) pushes.
import { type ExecutionResult, graphql } from "graphql";
import type { AggregateValue, AreaRow, Identity } from "@vnge/shared";
import { NATION_ROW, importAreas } from "@vnge/indicators";
import { NATIONAL_ADMIN, fixtureArea as area, testServiceContext } from "@vnge/shared/testing/service-context";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { createContext } from "../context";
import { buildSchema } from "../schema";

/** 2 provinces > 3 districts > 5 communes: 01 > 001 (00001, 00002), 002 (00003); 02 > 003 (00005, 00006). */
export const FIXTURE_AREAS: AreaRow[] = [
  NATION_ROW,
  area("01", "PROVINCE", "VN", null, null),
  area("02", "PROVINCE", "VN", null, null),
  area("001", "DISTRICT", "01", "01", null),
  area("002", "DISTRICT", "01", "01", null),
  area("003", "DISTRICT", "02", "02", null),
  ...["00001", "00002"].map((code) => area(code, "COMMUNE", "001", "01", "001")),
  area("00003", "COMMUNE", "002", "01", "002"),
  ...["00005", "00006"].map((code) => area(code, "COMMUNE", "003", "02", "003")),
];

export async function openFixtureDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await importAreas(db, FIXTURE_AREAS);
  await db.prisma.campaign.create({
    data: {
      code: "AM-2024-01",
      name: "Tháng hành động 2024",
      startDate: new Date("2024-11-15T00:00:00Z"),
      endDate: new Date("2024-12-15T00:00:00Z"),
      organisingAreaCode: "01",
    },
  });
  return db;
}

/** Records every push; refuses them all while `failing` is set. */
export class RecordingFeed {
  pushes: AggregateValue[][] = [];
  failing = false;

  async push(values: readonly AggregateValue[]) {
    if (this.failing) throw new Error("indicators service unreachable");
    this.pushes.push([...values]);
    return { imported: values.length, updated: 0, unchanged: 0, rejected: 0, conflicts: [] };
  }

  /** The last value pushed for an element, area, period and sex. */
  latest(dataElementCode: string, areaCode: string, period: string, sex: AggregateValue["sex"] = null): number | undefined {
    for (const push of [...this.pushes].reverse()) {
      const found = push.find((v) => v.dataElementCode === dataElementCode && v.areaCode === areaCode && v.period === period && v.sex === sex);
      if (found) return found.value;
    }
    return undefined;
  }
}

export { NATIONAL_ADMIN };

// biome-ignore lint/suspicious/noExplicitAny: tests read answers of any shape by default
export async function execute<T = Record<string, any>>(
  db: TestDatabase,
  feed: RecordingFeed,
  source: string,
  variableValues?: Record<string, unknown>,
  caller: Identity = NATIONAL_ADMIN,
): Promise<ExecutionResult<T>> {
  const schema = await buildSchema();
  const contextValue = createContext(testServiceContext(db, caller, feed));
  return graphql({ schema, source, variableValues, contextValue }) as Promise<ExecutionResult<T>>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read answers of any shape by default
export async function run<T = Record<string, any>>(
  db: TestDatabase,
  feed: RecordingFeed,
  source: string,
  variableValues?: Record<string, unknown>,
): Promise<T> {
  const result = await execute<T>(db, feed, source, variableValues);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.data as T;
}

export const RECORD = `mutation ($input: RecordActivitiesInput!) {
  recordActivities(input: $input) { imported rejected conflicts { index field message } indicatorsUpdated }
}`;
