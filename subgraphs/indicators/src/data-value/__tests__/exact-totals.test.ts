// Running totals stay exact through corrections: a typing error far above any count is refused at entry,
// the largest accepted count goes in and out without losing the small values beside it, and decimal
// values add up as decimals. Comments PostgreSQL cannot store are refused per row.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { SUBMIT, execute, openFixtureDatabase, run } from "../../__tests__/harness";
import { checkTotals, rebuildTotals } from "../data-value-total.check";
import { MAX_COUNT } from "../data-value.validation";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
  await db.prisma.dataElement.create({
    data: { code: "TEST_SHARE", name: "A share", nameVi: "Tỷ lệ", valueType: "NUMBER", disaggregatedBySex: false, collectionLevel: "COMMUNE", maxValue: 100 },
  });
});
afterAll(() => db?.dispose());

const submit = (values: Record<string, unknown>[]) => run(db, SUBMIT, { input: { values } }).then((data) => data.submitDataValues);
const births = (areaCode: string, value: number) => ({ dataElementCode: "LIVE_BIRTHS", areaCode, period: "2024", sex: "MALE", value });
/** The district's total as PostgreSQL's numeric prints it. */
async function districtTotal(element: string, period: string, column: "male" | "none"): Promise<string | null> {
  const [row] = await db.query<{ total: string | null }>(
    `SELECT ${column}::text AS total FROM indicators.data_value_total WHERE data_element_code = $1 AND period = $2 AND area_code = '001'`,
    [element, period],
  );
  return row?.total ?? null;
}

it("refuses a count of 1e20 typed for 5, so correcting it leaves the total right", async () => {
  expect(await submit([births("00001", 5), births("00002", 7)])).toMatchObject({ imported: 2, rejected: 0 });
  const typo = await submit([births("00001", 1e20)]);
  expect(typo).toEqual({
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: 1,
    conflicts: [{ index: 0, field: "value", message: "LIVE_BIRTHS accepts at most 1,000,000,000,000, got 100,000,000,000,000,000,000: check the figure" }],
  });
  expect(await submit([births("00001", 5)])).toMatchObject({ unchanged: 1 });
  expect(await districtTotal("LIVE_BIRTHS", "2024", "male")).toBe("12");
});

it("takes the largest count and its correction back to 5 without losing the values beside it", async () => {
  expect(await submit([births("00001", MAX_COUNT)])).toMatchObject({ updated: 1 });
  expect(await districtTotal("LIVE_BIRTHS", "2024", "male")).toBe(String(MAX_COUNT + 7));
  expect(await submit([births("00001", 5)])).toMatchObject({ updated: 1 });
  expect(await districtTotal("LIVE_BIRTHS", "2024", "male")).toBe("12");
  expect((await checkTotals(db)).differences).toBe(0);
});

it("adds decimal values as decimals through every correction", async () => {
  const share = (areaCode: string, value: number) => ({ dataElementCode: "TEST_SHARE", areaCode, period: "2024", value });
  await submit([share("00002", 0.6)]);
  // In binary floating point these changes leave 0.7999999999999998.
  for (const value of [0.1, 0.7, 0.2]) await submit([share("00001", value)]);
  expect(await districtTotal("TEST_SHARE", "2024", "none")).toBe("0.8");
  expect((await checkTotals(db)).differences).toBe(0);
});

it("refuses a value above its element's own maximum", async () => {
  const result = await submit([{ dataElementCode: "TEST_SHARE", areaCode: "00003", period: "2024", value: 100.5 }]);
  expect(result.conflicts).toEqual([{ index: 0, field: "value", message: "TEST_SHARE accepts at most 100, got 100.5: check the figure" }]);
});

it("refuses a comment holding a NUL character with a message for that row, not a server error", async () => {
  const result = await execute(db, SUBMIT, { input: { values: [{ ...births("00003", 4), comment: "checked\u0000" }] } });
  expect(result.errors).toBeUndefined();
  expect(result.data?.submitDataValues.conflicts).toEqual([
    { index: 0, field: "comment", message: "comment must not contain the NUL character (U+0000, at position 8)" },
  ]);
});

it("finds a total that no longer matches its values and rebuilds every total from them", async () => {
  await db.query(`UPDATE indicators.data_value_total SET male = male + 1 WHERE data_element_code = 'LIVE_BIRTHS' AND period = '2024' AND area_code = 'VN'`);
  const check = await checkTotals(db);
  expect(check.differences).toBe(1);
  expect(check.listed[0]).toMatchObject({ areaCode: "VN", stored: { male: "13" }, expected: { male: "12" } });
  // LIVE_BIRTHS and TEST_SHARE in 2024 at district 001, its province 01 and the nation
  expect(await rebuildTotals(db)).toBe(6);
  expect((await checkTotals(db)).differences).toBe(0);
});
