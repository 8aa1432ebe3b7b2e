// Completeness and timeliness against the deadlines stored per data set and level.
import type { TestDatabase } from "@vnge/shared/testing/test-database";
import { DEFAULT_CATALOGUE } from "../../catalogue/catalogue-definition";

const DATA_ELEMENTS = DEFAULT_CATALOGUE.dataElements;
import { DATA_SETS } from "../../data-set/data-set.data";
import { dataSetProblems } from "../../data-set/data-set.seed";
import { execute, identity, openFixtureDatabase, run } from "../../__tests__/harness";

let db: TestDatabase;
beforeAll(async () => {
  db = await openFixtureDatabase();
});
afterAll(() => db?.dispose());

const SET = "ANNUAL_GENDER_COMMUNE";
const STATUS = `query ($parent: ID!, $level: AreaLevel!, $asOf: String) {
  reportingStatus(dataSetCode: "${SET}", period: "2024", parentCode: $parent, level: $level, asOf: $asOf) {
    deadline expected received onTime late missing areas { areaCode approvalState received reportedAt timeliness }
  }
}`;
const submit = (area: string) => run(db, `mutation { submitDataSet(dataSetCode: "${SET}", areaCode: "${area}", period: "2024") { state } }`);
/** Stands for a submission made on a past day. */
const reportedOn = (area: string, at: string) =>
  db.prisma.dataApproval.update({
    where: { dataSetCode_period_areaCode: { dataSetCode: SET, period: "2024", areaCode: area } },
    data: { reportedAt: new Date(at) },
  });

it("the default data sets are consistent with the catalogue", () => {
  expect(dataSetProblems(DATA_SETS, DATA_ELEMENTS)).toEqual([]);
  expect(dataSetProblems([{ ...DATA_SETS[0], code: "X", elements: ["LIVE_BIRTHS", "ENTERPRISES", "NOPE"] }], DATA_ELEMENTS)).toEqual([
    "data set X is reported by COMMUNE; ENTERPRISES is collected at PROVINCE",
    "data set X: unknown data element NOPE",
  ]);
});

describe("reportingStatus", () => {
  beforeAll(async () => {
    for (const commune of ["00001", "00002", "00004"]) await submit(commune);
    await reportedOn("00001", "2024-12-05T16:59:59Z"); // the last second of 5 December in Vietnam
    await reportedOn("00002", "2024-12-05T17:00:01Z"); // the first second of 6 December
    await reportedOn("00004", "2024-12-01T08:00:00Z");
    await run(db, `mutation { returnDataSet(dataSetCode: "${SET}", areaCode: "00004", period: "2024", reason: "totals do not add up") { state } }`);
  });

  it("names who reported each area, and no one once it was returned", async () => {
    const { reportingStatus } = await run(
      db,
      `{ reportingStatus(dataSetCode: "${SET}", period: "2024", parentCode: "01", level: COMMUNE) { areas { reportedBy } } }`,
    );
    const submitter = (await run(db, `{ dataApproval(dataSetCode: "${SET}", areaCode: "00001", period: "2024") { events { actor } } }`)).dataApproval.events[0]
      .actor;
    expect(reportingStatus.areas.map((a: { reportedBy: string | null }) => a.reportedBy)).toEqual([submitter, submitter, null, null]);
  });

  it("shows on-time, late and missing communes against the commune deadline of 5 December", async () => {
    const { reportingStatus } = await run(db, STATUS, { parent: "01", level: "COMMUNE", asOf: "2025-01-10T00:00:00Z" });
    expect(reportingStatus).toEqual({
      deadline: "2024-12-05T17:00:00.000Z",
      expected: 4,
      received: 2,
      onTime: 1,
      late: 1,
      missing: 2,
      areas: [
        { areaCode: "00001", approvalState: "SUBMITTED", received: true, reportedAt: "2024-12-05T16:59:59.000Z", timeliness: "ON_TIME" },
        { areaCode: "00002", approvalState: "SUBMITTED", received: true, reportedAt: "2024-12-05T17:00:01.000Z", timeliness: "LATE" },
        { areaCode: "00003", approvalState: "OPEN", received: false, reportedAt: null, timeliness: "MISSING" },
        // submitted in time, then returned for correction: not received any more
        { areaCode: "00004", approvalState: "OPEN", received: false, reportedAt: null, timeliness: "MISSING" },
      ],
    });
  });

  it("counts an area not yet reported as pending before the deadline", async () => {
    const { reportingStatus } = await run(db, STATUS, { parent: "001", level: "COMMUNE", asOf: "2024-12-02T00:00:00Z" });
    expect(reportingStatus.areas.map((a: { timeliness: string }) => a.timeliness)).toEqual(["ON_TIME", "LATE"]);
    const early = await run(db, STATUS, { parent: "002", level: "COMMUNE", asOf: "2024-12-02T00:00:00Z" });
    expect(early.reportingStatus).toMatchObject({
      missing: 0,
      received: 0,
      areas: [
        { areaCode: "00003", timeliness: "PENDING" },
        { areaCode: "00004", timeliness: "PENDING" },
      ],
    });
  });

  it("judges districts by their approval against their own deadline", async () => {
    await run(db, `mutation { approveDataSet(dataSetCode: "${SET}", areaCode: "001", period: "2024") { state } }`);
    const { reportingStatus } = await run(db, STATUS, { parent: "01", level: "DISTRICT" });
    expect(reportingStatus).toMatchObject({
      deadline: "2024-12-08T17:00:00.000Z",
      expected: 2,
      received: 1,
      late: 1,
      missing: 1,
      areas: [
        { areaCode: "001", approvalState: "APPROVED", timeliness: "LATE" },
        { areaCode: "002", approvalState: "OPEN", timeliness: "MISSING" },
      ],
    });
  });

  it("refuses levels that do not report and parents outside the caller's areas", async () => {
    const wrongLevel = await execute(db, STATUS, { parent: "001", level: "DISTRICT" });
    expect(wrongLevel.errors?.[0].message).toBe("level DISTRICT is not beneath district 001");
    const outside = await execute(db, STATUS, { parent: "01", level: "COMMUNE" }, identity([], ["02"]));
    expect(outside.errors?.[0].message).toBe("You may not read reporting status for area 01: outside your assigned areas");
  });
});
