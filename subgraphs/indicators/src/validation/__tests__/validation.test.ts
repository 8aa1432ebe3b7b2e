// Validation rules against a database: run on demand, and blocking a data set's submission on an error,
// while an outlier is only flagged.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { SUBMIT, execute, openFixtureDatabase, run } from "../../__tests__/harness";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

const SET = "ANNUAL_GENDER_COMMUNE";
const VALIDATE = `query ($area: ID!) {
  validateDataSet(dataSetCode: "${SET}", areaCode: $area, period: "2024") { errors warnings violations { ruleCode severity areaCode message leftValue rightValue } }
}`;
const SUBMIT_SET = `mutation ($area: ID!) { submitDataSet(dataSetCode: "${SET}", areaCode: $area, period: "2024") { state } }`;
const value = (dataElementCode: string, areaCode: string, sex: string, v: number, period = "2024") => ({ dataElementCode, areaCode, period, sex, value: v });

describe("validation rules", () => {
  beforeAll(async () => {
    await run(db, SUBMIT, {
      input: {
        values: [
          value("GBV_VICTIMS_DETECTED", "00005", "FEMALE", 3),
          value("GBV_VICTIMS_SUPPORTED", "00005", "FEMALE", 5),
          value("GBV_VICTIMS_DETECTED", "00005", "MALE", 1),
          value("GBV_VICTIMS_SUPPORTED", "00005", "MALE", 1),
          // 00006: five years of about 50 live births, then 400
          ...[48, 52, 50, 55, 45].map((v, i) => value("LIVE_BIRTHS", "00006", "FEMALE", v, String(2023 - i))),
          value("LIVE_BIRTHS", "00006", "FEMALE", 400),
        ],
      },
    });
  });

  it("lists errors and warnings on demand, for a commune or every commune beneath a district", async () => {
    const { validateDataSet } = await run(db, VALIDATE, { area: "003" });
    expect(validateDataSet).toEqual({
      errors: 1,
      warnings: 1,
      violations: [
        {
          ruleCode: "GBV_SUPPORTED_NOT_ABOVE_DETECTED_FEMALE",
          severity: "ERROR",
          areaCode: "00005",
          leftValue: 5,
          rightValue: 3,
          message:
            "victims supported <= victims detected (female): at area 00005, GBV_VICTIMS_SUPPORTED FEMALE (5) <= GBV_VICTIMS_DETECTED FEMALE (3) does not hold",
        },
        {
          ruleCode: "OUTLIER",
          severity: "WARNING",
          areaCode: "00006",
          leftValue: 400,
          rightValue: 50,
          message: "LIVE_BIRTHS FEMALE at area 00006 is 400, far from its history (mean 50 over 5 earlier periods): check it",
        },
      ],
    });
  });

  it("refuses to submit a data set while a rule fails; accepts it once corrected", async () => {
    const refused = await execute(db, SUBMIT_SET, { area: "00005" });
    expect(refused.errors?.[0].message).toBe(
      `cannot submit ${SET} for area 00005, period 2024: victims supported <= victims detected (female): at area 00005, GBV_VICTIMS_SUPPORTED FEMALE (5) <= GBV_VICTIMS_DETECTED FEMALE (3) does not hold`,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", ruleCodes: ["GBV_SUPPORTED_NOT_ABOVE_DETECTED_FEMALE"] });
    expect((await run(db, VALIDATE, { area: "00005" })).validateDataSet.errors).toBe(1);

    await run(db, SUBMIT, { input: { values: [value("GBV_VICTIMS_SUPPORTED", "00005", "FEMALE", 3)] } });
    expect((await run(db, SUBMIT_SET, { area: "00005" })).submitDataSet.state).toBe("SUBMITTED");
  });

  it("flags an outlier without refusing the submission", async () => {
    expect((await run(db, SUBMIT_SET, { area: "00006" })).submitDataSet.state).toBe("SUBMITTED");
    expect((await run(db, VALIDATE, { area: "00006" })).validateDataSet).toMatchObject({ errors: 0, warnings: 1 });
  });
});
