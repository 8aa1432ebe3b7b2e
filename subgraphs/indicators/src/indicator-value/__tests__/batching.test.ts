// Every store method issues one SQL statement; counting their calls counts the statements a
// GraphQL request costs. A rollup must cost a small constant, whatever its number of values.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { openFixtureDatabase, run } from "../../__tests__/harness";
import { AreaStore } from "../../area/area.store";
import { DataElementStore } from "../../data-element/data-element.store";
import { DataValueStore } from "../../data-value/data-value.store";
import { IndicatorStore } from "../../indicator/indicator.store";
import { DEFAULT_CATALOGUE } from "../../catalogue/catalogue.seed";
import { IndicatorValueStore } from "../indicator-value.store";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

const STORES = [AreaStore, DataElementStore, DataValueStore, IndicatorStore, IndicatorValueStore];

/** Runs `work` and returns how many statements the stores issued. */
async function statements(work: () => Promise<unknown>): Promise<number> {
  const spies = STORES.flatMap((store) =>
    Object.getOwnPropertyNames(store.prototype)
      .filter((name) => name !== "constructor")
      .map((name) => jest.spyOn(store.prototype as unknown as Record<string, () => unknown>, name)),
  );
  try {
    await work();
    return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

const ALL_INDICATORS = DEFAULT_CATALOGUE.indicators.map((i) => i.code);

describe("batching", () => {
  it("costs the same few statements for 1 value and for every indicator x 8 communes x 3 periods", async () => {
    const one = await statements(() => run(db, `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "001") { total } }`));
    const many = await statements(async () => {
      const data = await run(
        db,
        `query ($codes: [ID!]!) {
        rollup(indicatorCodes: $codes, periods: ["2022", "2023", "2024"], parentCode: "VN", level: COMMUNE) {
          indicator { code name numerator { dataElement { code } } } area { code name } total completeness
        }
      }`,
        { codes: ALL_INDICATORS },
      );
      expect(data.rollup).toHaveLength(ALL_INDICATORS.length * 8 * 3);
    });
    expect(one).toBeLessThanOrEqual(6);
    expect(many).toBeLessThanOrEqual(one + 2);
  });

  it("batches the values of every Area.indicatorValues field of a request: as many statements for 8 areas as for 2", async () => {
    const query = (within: string | null) => `{
      areas(level: COMMUNE${within ? `, within: "${within}"` : ""}) {
        code indicatorValues(indicatorCodes: ["SEX_RATIO_AT_BIRTH", "MATERNAL_MORTALITY_RATIO"], periods: ["2023", "2024"]) { total area { name } }
      }
    }`;
    const forAll = await statements(async () => expect((await run(db, query(null))).areas).toHaveLength(8));
    const forOneDistrict = await statements(async () => expect((await run(db, query("001"))).areas).toHaveLength(2));
    expect(forAll).toBe(forOneDistrict);
    // The areas, then one batch: indicators, data elements, sums, expected areas.
    expect(forAll).toBeLessThanOrEqual(5);
  });
});
