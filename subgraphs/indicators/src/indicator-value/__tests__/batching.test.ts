// Counts the statements the database receives while a GraphQL request runs (every statement: the
// typed client's, SQL's, the area directory's). A rollup must cost a small constant, whatever its number of values.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { openFixtureDatabase, run } from "../../__tests__/harness";
import { DEFAULT_CATALOGUE } from "../../catalogue/catalogue.seed";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

/** Runs `work` and returns how many statements the database received meanwhile. */
async function statements(work: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const stop = db.onStatement(() => count++);
  try {
    await work();
    return count;
  } finally {
    stop();
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
    // The hierarchy versions and the area, then one batch: indicators, data elements, sums, expected areas.
    expect(one).toBeGreaterThan(0);
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
    // The hierarchy versions and the areas, then one batch: indicators, data elements, sums, expected areas.
    expect(forAll).toBeLessThanOrEqual(6);
  });
});
