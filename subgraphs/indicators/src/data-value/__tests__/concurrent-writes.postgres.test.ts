// Concurrent writers of the same keys on PostgreSQL: each statement must see what the writer before it
// committed, or the changes it adds to the running totals are wrong for good. Several imports of
// overlapping keys run at once; afterwards every total equals the sum of the stored values.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { createDataValueService } from "../../context";
import { FIXTURE_AREAS, openFixtureDatabase } from "../../__tests__/harness";
import { checkTotals, rebuildTotals } from "../data-value-total.check";
import { importValueFile } from "../data-value.file";
import { MAX_PAIR_LOCKS } from "../data-value.store";
import type { SubmittedValue } from "../data-value.validation";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

const COMMUNES = FIXTURE_AREAS.filter((a) => a.level === "COMMUNE").map((a) => a.code);
/** 120 months: 8 communes x 2 sexes x 120 = 1,920 keys per element. */
const MONTHS = Array.from({ length: 120 }, (_, i) => `${2015 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, "0")}`);

/** Every key of LIVE_BIRTHS and MATERNAL_DEATHS over the months, with values that differ by writer and round. */
function batch(writer: number, round: number, months: readonly string[] = MONTHS): SubmittedValue[] {
  const values: SubmittedValue[] = [];
  for (const period of months) {
    for (const areaCode of COMMUNES) {
      for (const sex of ["MALE", "FEMALE"] as const)
        values.push({ dataElementCode: "LIVE_BIRTHS", areaCode, period, sex, value: (writer * 31 + round * 7 + values.length) % 211 });
      values.push({ dataElementCode: "MATERNAL_DEATHS", areaCode, period, value: (writer + round + values.length) % 5 });
    }
  }
  return values;
}

it("keeps every running total equal to the sum of the stored values when imports of the same keys run at once", async () => {
  const service = () => createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  for (let round = 0; round < 4; round++) {
    const results = await Promise.all([0, 1, 2, 3].map((writer) => service().submit(batch(writer, round), { submittedBy: `writer-${writer}` })));
    for (const result of results) expect(result.rejected).toBe(0);
  }
  const check = await checkTotals(db);
  expect(check.listed).toEqual([]);
  expect(check.differences).toBe(0);
});

it("keeps them equal when value files of the same keys are imported at once, beside a batch", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concurrent-files-"));
  try {
    const files = [0, 1, 2].map((writer) => {
      const file = path.join(dir, `writer-${writer}.csv`);
      const rows = batch(writer + 10, 0).map((v) => `${v.dataElementCode},${v.areaCode},${v.period},${v.sex ?? ""},${v.value},,`);
      fs.writeFileSync(file, `data_element,area_code,period,sex,value,status,comment\n${rows.join("\n")}\n`);
      return file;
    });
    const service = () => createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
    const summaries = await Promise.all([
      ...files.map((file) => importValueFile(service(), file, { submittedBy: "file", batchSize: 500 })),
      service().submit(batch(20, 0), { submittedBy: "batch" }),
    ]);
    for (const summary of summaries) expect(summary.rejected).toBe(0);
    expect((await checkTotals(db)).differences).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it("keeps them equal when a writer of more pairs than it locks one by one runs beside writers of a few", async () => {
  // 150 months x 2 elements: beyond MAX_PAIR_LOCKS, so that writer holds the writers' key exclusively.
  const many = Array.from({ length: 150 }, (_, i) => `${2005 + Math.floor(i / 12)}${String((i % 12) + 1).padStart(2, "0")}`);
  expect(many.length * 2).toBeGreaterThan(MAX_PAIR_LOCKS);
  const service = () => createDataValueService(db, new AreaScope(new AreaDirectory(db), [NATION_CODE]));
  for (let round = 0; round < 2; round++) {
    await Promise.all([
      service().submit(batch(40, round, many), { submittedBy: "many" }),
      service().submit(batch(41, round), { submittedBy: "few" }),
      service().submit(batch(42, round, many.slice(100)), { submittedBy: "few" }),
    ]);
  }
  expect((await checkTotals(db)).differences).toBe(0);
});

it("finds a total that drifted from the stored values and rebuilds every total", async () => {
  await rebuildTotals(db);
  await db.query(
    `UPDATE indicators.data_value_total SET male = male + 3 WHERE area_code = '${NATION_CODE}' AND period = $1 AND data_element_code = 'LIVE_BIRTHS'`,
    [MONTHS[5]],
  );
  await db.query(
    `UPDATE indicators.data_value_total SET reporting_areas = reporting_areas - 1 WHERE area_code = '001' AND period = $1 AND data_element_code = 'MATERNAL_DEATHS'`,
    [MONTHS[7]],
  );
  const check = await checkTotals(db);
  expect(check.differences).toBe(2);
  expect(check.listed.map((d) => [d.dataElementCode, d.period, d.areaCode])).toEqual([
    ["LIVE_BIRTHS", MONTHS[5], NATION_CODE],
    ["MATERNAL_DEATHS", MONTHS[7], "001"],
  ]);
  expect(Number(check.listed[0].stored!.male) - Number(check.listed[0].expected!.male)).toBe(3);

  // the 240 months written since 2005 x (nation, 2 provinces, 4 districts) x 2 elements
  expect(await rebuildTotals(db)).toBe(240 * 7 * 2);
  expect((await checkTotals(db)).differences).toBe(0);
});
