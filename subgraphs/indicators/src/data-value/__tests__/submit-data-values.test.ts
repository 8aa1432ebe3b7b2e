// The write path against a database: all or nothing, idempotent, dry runs, the batch cap and the audit trail.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { FIXTURE_AREAS, SUBMIT, execute, openFixtureDatabase, run } from "../../__tests__/harness";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

const COMMUNES = FIXTURE_AREAS.filter((a) => a.level === "COMMUNE").map((a) => a.code);

/** 1,000 distinct live-birth values: 8 communes x 2 sexes over the years from 1961. */
function thousandValues() {
  const values: { dataElementCode: string; areaCode: string; period: string; sex: string; value: number }[] = [];
  const periods = Array.from({ length: 63 }, (_, i) => String(1961 + i));
  for (const period of periods) {
    for (const areaCode of COMMUNES) {
      for (const sex of ["MALE", "FEMALE"]) {
        if (values.length < 1000) values.push({ dataElementCode: "LIVE_BIRTHS", areaCode, period, sex, value: (values.length * 7) % 97 });
      }
    }
  }
  return values;
}

const countValues = async () => Number((await db.prisma.dataValue.count()).valueOf());

describe("submitDataValues", () => {
  it("writes nothing when one row of 1,000 is bad and names that row; the corrected batch imports all; again, all unchanged", async () => {
    const values = thousandValues();
    expect(values).toHaveLength(1000);
    const bad = values.map((v, i) => (i === 637 ? { ...v, value: -3 } : v));
    const refused = (await run(db, SUBMIT, { input: { values: bad } })).submitDataValues;
    expect(refused).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      conflicts: [{ index: 637, field: "value", message: "LIVE_BIRTHS is a count: value must be a whole number >= 0, got -3" }],
    });
    expect(await countValues()).toBe(0);

    expect((await run(db, SUBMIT, { input: { values } })).submitDataValues).toEqual({ imported: 1000, updated: 0, unchanged: 0, rejected: 0, conflicts: [] });
    expect(await countValues()).toBe(1000);
    expect((await run(db, SUBMIT, { input: { values } })).submitDataValues).toEqual({ imported: 0, updated: 0, unchanged: 1000, rejected: 0, conflicts: [] });
    // first submissions are the value rows themselves and unchanged rows change nothing: no audit rows
    expect(await db.prisma.dataValueAudit.count()).toBe(0);
  });

  it("reports every kind of bad row with its index, and writes none of the good ones", async () => {
    const before = await countValues();
    const values = [
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "00001", period: "2030", value: 1 },
      { dataElementCode: "NO_SUCH_ELEMENT", areaCode: "00001", period: "2030", value: 1 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "77777", period: "2030", value: 1 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "001", period: "2030", value: 1 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "00002", period: "2030Q5", value: 1 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "00003", period: "2030", value: 0.5 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "00004", period: "2030", value: 1, sex: "MALE" },
      { dataElementCode: "LIVE_BIRTHS", areaCode: "00004", period: "2030", value: 1 },
      { dataElementCode: "MATERNAL_DEATHS", areaCode: "00001", period: "2030", value: 2 },
    ];
    const summary = (await run(db, SUBMIT, { input: { values } })).submitDataValues;
    expect(summary.rejected).toBe(8);
    expect(summary.conflicts.map((c: { index: number; field: string | null }) => [c.index, c.field])).toEqual([
      [1, "dataElementCode"],
      [2, "areaCode"],
      [3, "areaCode"],
      [4, "period"],
      [5, "value"],
      [6, "sex"],
      [7, "sex"],
      [8, null],
    ]);
    expect(summary.conflicts[2].message).toBe("MATERNAL_DEATHS is collected at COMMUNE level; area 001 is a DISTRICT");
    expect(await countValues()).toBe(before);
  });

  it("validates and counts in a dry run without writing", async () => {
    const before = await countValues();
    const values = [
      { dataElementCode: "LIVE_BIRTHS", areaCode: "00001", period: "1961", sex: "MALE", value: 0 }, // stored as 0 by the first test
      { dataElementCode: "LIVE_BIRTHS", areaCode: "00001", period: "1961", sex: "FEMALE", value: 999 },
      { dataElementCode: "LIVE_BIRTHS", areaCode: "00001", period: "2099", sex: "FEMALE", value: 1 },
    ];
    const summary = (await run(db, SUBMIT, { input: { values, dryRun: true } })).submitDataValues;
    expect(summary).toEqual({ imported: 1, updated: 1, unchanged: 1, rejected: 0, conflicts: [] });
    expect(await countValues()).toBe(before);
    const refused = (await run(db, SUBMIT, { input: { values: [{ ...values[0], value: -1 }], dryRun: true } })).submitDataValues;
    expect(refused.rejected).toBe(1);
  });

  it("refuses a batch over the size cap as a whole", async () => {
    const values = Array.from({ length: 50_001 }, () => ({ dataElementCode: "X", areaCode: "00001", period: "2023", value: 1 }));
    const result = await execute(db, SUBMIT, { input: { values } });
    expect(result.errors?.[0].message).toBe("a batch holds at most 50000 values, got 50001; split it into several batches");
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps the history of a value: old and new value and status, comment, who and when", async () => {
    const key = { dataElementCode: "MATERNAL_DEATHS", areaCode: "00005", period: "2023" };
    const history = async (k: { dataElementCode: string; areaCode: string; period: string }) =>
      (
        await run(
          db,
          `query ($e: ID!, $a: ID!, $p: String!) {
          dataValueHistory(dataElementCode: $e, areaCode: $a, period: $p) { oldValue newValue oldStatus newStatus comment changedBy changedAt }
        }`,
          { e: k.dataElementCode, a: k.areaCode, p: k.period },
        )
      ).dataValueHistory;
    await run(db, SUBMIT, { input: { values: [{ ...key, value: 1, status: "PROVISIONAL", comment: "commune count" }] } });
    const created = {
      oldValue: null,
      newValue: 1,
      oldStatus: null,
      newStatus: "PROVISIONAL",
      comment: "commune count",
      changedBy: "test-admin",
      changedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    };
    expect(await history(key)).toEqual([created]);
    const [{ changedAt: createdAt }] = await history(key);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await run(db, SUBMIT, { input: { values: [{ ...key, value: 2, comment: "late hospital report" }] } })).submitDataValues).toMatchObject({
      updated: 1,
    });
    await run(db, SUBMIT, { input: { values: [{ ...key, value: 3, comment: "late hospital report" }] } });
    const entries = await history(key);
    expect(entries).toEqual([
      { ...created, changedAt: createdAt },
      {
        oldValue: 1,
        newValue: 2,
        oldStatus: "PROVISIONAL",
        newStatus: "FINAL",
        comment: "late hospital report",
        changedBy: "test-admin",
        changedAt: expect.any(String),
      },
      {
        oldValue: 2,
        newValue: 3,
        oldStatus: "FINAL",
        newStatus: "FINAL",
        comment: "late hospital report",
        changedBy: "test-admin",
        changedAt: expect.any(String),
      },
    ]);
    expect(entries[1].changedAt > createdAt).toBe(true);
    const births = await run(db, `{ dataValueHistory(dataElementCode: "LIVE_BIRTHS", areaCode: "00001", period: "1961", sex: FEMALE) { newValue } }`);
    expect(births.dataValueHistory).toHaveLength(1);
    expect(await history({ ...key, areaCode: "00006" })).toEqual([]);
  });

  it("reads histories whose first submission was audited as a row of its own (stored before changes alone were)", async () => {
    const key = { dataElementCode: "MATERNAL_DEATHS", areaCode: "00006", period: "2023" };
    await run(db, SUBMIT, { input: { values: [{ ...key, value: 4 }] } });
    await db.withSession((session) =>
      session.exec(`INSERT INTO indicators.data_value_audit (data_element_code, period, area_code, sex, old_value, new_value, old_status, new_status, comment, changed_by, changed_at)
                    VALUES ('MATERNAL_DEATHS', '2023', '00006', 'NONE', NULL, 4, NULL, 'FINAL', NULL, 'test-admin', now())`),
    );
    await run(db, SUBMIT, { input: { values: [{ ...key, value: 5 }] } });
    const { dataValueHistory } = await run(
      db,
      `{ dataValueHistory(dataElementCode: "MATERNAL_DEATHS", areaCode: "00006", period: "2023") { oldValue newValue } }`,
    );
    expect(dataValueHistory).toEqual([
      { oldValue: null, newValue: 4 },
      { oldValue: 4, newValue: 5 },
    ]);
  });

  it("makes a submitted value visible in the very next rollup", async () => {
    const rollup = async () =>
      (await run(db, `{ rollup(indicatorCodes: ["MATERNAL_MORTALITY_RATIO"], periods: ["2022"], parentCode: "VN") { numerator { total } } }`)).rollup[0]
        .numerator.total;
    expect(await rollup()).toBeNull();
    await run(db, SUBMIT, { input: { values: [{ dataElementCode: "MATERNAL_DEATHS", areaCode: "00008", period: "2022", value: 3 }] } });
    expect(await rollup()).toBe(3);
  });

  it("keeps the running totals equal to the sums of the stored values through inserts and updates", async () => {
    const key = { dataElementCode: "LIVE_BIRTHS", period: "2031" };
    const rollup = async () =>
      (await run(db, `{ rollup(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2031"], parentCode: "01") { total male female completeness } }`)).rollup[0];
    await run(db, SUBMIT, { input: { values: [{ ...key, areaCode: "00001", sex: "MALE", value: 10 }] } });
    await run(db, SUBMIT, {
      input: {
        values: [
          { ...key, areaCode: "00001", sex: "FEMALE", value: 7 },
          { ...key, areaCode: "00003", sex: "FEMALE", value: 5 },
        ],
      },
    });
    // 00001 reported in two batches: one reporting area, not two.
    expect(await rollup()).toEqual({ total: 22, male: 10, female: 12, completeness: 0.5 });
    await run(db, SUBMIT, {
      input: {
        values: [
          { ...key, areaCode: "00001", sex: "MALE", value: 4 },
          { ...key, areaCode: "00003", sex: "FEMALE", value: 5 },
        ],
      },
    });
    expect(await rollup()).toEqual({ total: 16, male: 4, female: 12, completeness: 0.5 });
    // communes have no running totals: their rollup is their own values
    const communes = (
      await run(
        db,
        `{ rollup(indicatorCodes: ["LIVE_BIRTHS"], periods: ["2031"], parentCode: "01", level: COMMUNE) { area { code } total male female completeness } }`,
      )
    ).rollup;
    expect(communes.filter((r: { total: number | null }) => r.total !== null)).toEqual([
      { area: { code: "00001" }, total: 11, male: 4, female: 7, completeness: 1 },
      { area: { code: "00003" }, total: 5, male: null, female: 5, completeness: 1 },
    ]);
    expect(communes.find((r: { area: { code: string } }) => r.area.code === "00002")).toMatchObject({ total: null, completeness: 0 });

    const recomputed = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`
      SELECT dv.data_element_code, dv.period, ancestor.code AS area_code,
             sum(dv.value::numeric) FILTER (WHERE dv.sex = 'MALE') AS male, sum(dv.value::numeric) FILTER (WHERE dv.sex = 'FEMALE') AS female,
             sum(dv.value::numeric) FILTER (WHERE dv.sex = 'NONE') AS none, count(DISTINCT dv.area_code)::int AS reporting_areas
      FROM indicators.data_value dv JOIN indicators.area a ON a.code = dv.area_code
      CROSS JOIN LATERAL (VALUES (CASE WHEN a.level <> 'COMMUNE' THEN a.code END), (a.district_code), (a.province_code), ('VN')) AS ancestor(code)
      WHERE ancestor.code IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    const totals = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT data_element_code, period, area_code, male, female, none, reporting_areas FROM indicators.data_value_total ORDER BY 1, 2, 3`,
    );
    expect(totals.length).toBeGreaterThan(400);
    expect(totals).toEqual(recomputed);
  });
});
