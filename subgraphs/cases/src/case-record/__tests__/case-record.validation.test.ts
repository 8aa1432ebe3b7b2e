import { type AreaLevelName, BadUserInputError } from "@vnge/shared";
import type { CaseRecordInput } from "../case-record.input";
import { calendarDate, todayInVietnam, validateCase } from "../case-record.validation";

const TODAY = "2025-06-30";
const input = (extra: Partial<CaseRecordInput> = {}): CaseRecordInput => ({
  areaCode: "14809",
  detectedOn: "2025-03-10",
  form: "PSYCHOLOGICAL",
  setting: "FAMILY",
  victimSex: "FEMALE",
  victimAgeGroup: "AGE_18_29",
  victimEthnicMinority: true,
  ...extra,
});

/** `level`: the area's level, "unknown" for a code that names no area. */
function problems(value: CaseRecordInput, level: AreaLevelName | "unknown" = "COMMUNE"): { field: string; message: string }[] {
  try {
    validateCase(value, level === "unknown" ? undefined : level, TODAY);
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return (error as BadUserInputError).extensions.problems as { field: string; message: string }[];
  }
  return [];
}

describe("validateCase", () => {
  it("accepts a valid case and fills the defaults", () => {
    expect(validateCase(input({ note: "  call back  ", services: [{ service: "LEGAL_AID", providedOn: "2025-03-10" }] }), "COMMUNE", TODAY)).toEqual({
      ...input(),
      perpetratorSex: null,
      perpetratorProsecuted: false,
      perpetratorCounselled: false,
      referredToPolice: false,
      status: "OPEN",
      services: [{ service: "LEGAL_AID", providedOn: "2025-03-10" }],
      note: "call back",
    });
  });

  it("refuses dates that are not calendar days, in the future, or services before detection", () => {
    expect(problems(input({ detectedOn: "2025-02-30" }))).toEqual([{ field: "detectedOn", message: '"2025-02-30" is not a date: use YYYY-MM-DD' }]);
    expect(problems(input({ detectedOn: "2025-07-01" }))).toEqual([{ field: "detectedOn", message: "2025-07-01 is in the future (today is 2025-06-30)" }]);
    expect(
      problems(
        input({
          services: [
            { service: "SHELTER", providedOn: "2025-03-09" },
            { service: "SHELTER", providedOn: "2025-08-01" },
          ],
        }),
      ),
    ).toEqual([
      { field: "services[0].providedOn", message: "service date 2025-03-09 is before the case was detected (2025-03-10)" },
      { field: "services[1].providedOn", message: "2025-08-01 is in the future (today is 2025-06-30)" },
    ]);
  });

  it("refuses an unknown area or one that is not a commune", () => {
    expect(problems(input({ areaCode: "00000" }), "unknown")).toEqual([{ field: "areaCode", message: 'unknown commune "00000"' }]);
    expect(problems(input({ areaCode: "38" }), "PROVINCE")[0].message).toMatch(/is a province: record a case at the commune/);
  });

  it("refuses duplicate services, a counselled perpetrator nobody knows, and a long note", () => {
    const service = { service: "HEALTH_CARE" as const, providedOn: "2025-03-11" };
    expect(problems(input({ services: [service, service] })).map((p) => p.field)).toEqual(["services[1]"]);
    expect(problems(input({ perpetratorCounselled: true })).map((p) => p.field)).toEqual(["perpetratorSex"]);
    expect(problems(input({ note: "x".repeat(501) })).map((p) => p.field)).toEqual(["note"]);
  });

  it("lists every problem in one message", () => {
    expect(() => validateCase(input({ detectedOn: "2030-01-01", note: "x".repeat(600) }), undefined, TODAY)).toThrow(
      /The case was not recorded: areaCode: unknown commune "14809"; detectedOn: 2030-01-01 is in the future .*; note: /,
    );
  });
});

describe("dates", () => {
  it("reads only real YYYY-MM-DD days, and today is Vietnam's date", () => {
    expect(calendarDate("2024-02-29")).toBe("2024-02-29");
    expect(calendarDate("2023-02-29")).toBeNull();
    expect(calendarDate("10/03/2025")).toBeNull();
    expect(todayInVietnam(new Date("2025-06-30T18:00:00Z"))).toBe("2025-07-01");
  });
});
