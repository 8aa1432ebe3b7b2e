import { type AreaLevelName, BadUserInputError, inputProblems, validateInput } from "@vnge/shared";
import { CaseRecordInput, CaseServiceInput, calendarDate } from "../case-record.input";
import { todayInVietnam, validateCase } from "../case-record.validation";

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

/** What the boundary refuses (as type-graphql hands the resolver the input: instances of the input classes). */
function boundaryProblems(value: CaseRecordInput) {
  const services = value.services?.map((service) => Object.assign(new CaseServiceInput(), service));
  return inputProblems(Object.assign(new CaseRecordInput(), value, { services }));
}

describe("the input's shape, at the boundary", () => {
  it("refuses dates that are not calendar days, detected or of a service", async () => {
    expect(await boundaryProblems(input({ detectedOn: "2025-02-30" }))).toEqual([
      { field: "detectedOn", message: 'detectedOn: "2025-02-30" is not a date: use YYYY-MM-DD' },
    ]);
    expect(await boundaryProblems(input({ services: [{ service: "SHELTER", providedOn: "10/03/2025" }] }))).toEqual([
      { field: "services[0].providedOn", message: 'services[0].providedOn: "10/03/2025" is not a date: use YYYY-MM-DD' },
    ]);
    expect(await boundaryProblems(input({ services: [{ service: "SHELTER", providedOn: "2025-03-10" }] }))).toEqual([]);
  });

  it("refuses a long note, counted as stored (trimmed)", async () => {
    expect((await boundaryProblems(input({ note: "x".repeat(501) }))).map((p) => p.field)).toEqual(["note"]);
    expect(await boundaryProblems(input({ note: ` ${"x".repeat(500)} ` }))).toEqual([]);
  });

  it("lists every problem in one message", async () => {
    const value = Object.assign(new CaseRecordInput(), input({ detectedOn: "2030-13-01", note: "x".repeat(600) }));
    await expect(validateInput(value)).rejects.toMatchObject({
      message: 'detectedOn: "2030-13-01" is not a date: use YYYY-MM-DD; note: the note holds at most 500 characters (got 600)',
      extensions: { code: "BAD_USER_INPUT", field: "detectedOn" },
    });
  });
});

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

  it("refuses dates in the future, or services before detection", () => {
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

  it("refuses duplicate services and a counselled perpetrator nobody knows", () => {
    const service = { service: "HEALTH_CARE" as const, providedOn: "2025-03-11" };
    expect(problems(input({ services: [service, service] })).map((p) => p.field)).toEqual(["services[1]"]);
    expect(problems(input({ perpetratorCounselled: true })).map((p) => p.field)).toEqual(["perpetratorSex"]);
  });

  it("lists every problem in one message", () => {
    expect(() => validateCase(input({ detectedOn: "2030-01-01", perpetratorCounselled: true }), undefined, TODAY)).toThrow(
      /The case was not recorded: areaCode: unknown commune "14809"; detectedOn: 2030-01-01 is in the future .*; perpetratorSex: /,
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
