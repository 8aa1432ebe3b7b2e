// Answers computed from the clock (reporting deadlines, the hierarchy version in force) are cached only
// until the next instant at which they could change: the clock moving past a deadline is seen at once.
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, setClock, startTestSystem } from "../testkit";

let system: TestSystem;
let headers: Record<string, string>;
beforeAll(async () => {
  system = await startTestSystem();
  // signed on the real clock: valid for ten minutes from now, whatever day the test's clock then says
  headers = await authHeader({ subject: "thanh-hoa-officer", roles: [Role.ANALYST], areaCodes: ["38"] } satisfies Caller);
});
afterAll(async () => {
  jest.useRealTimers();
  await system?.close();
});

// Mường Lát's communes report the annual gender statistics for 2024 by 5 December 2024 (17:00 UTC); none has.
const STATUS = `{ reportingStatus(dataSetCode: "ANNUAL_GENDER_COMMUNE", period: "2024", parentCode: "384", level: COMMUNE) { deadline expected missing } }`;

async function status() {
  const response = await postGraphQL(system.gatewayUrl!, STATUS, undefined, headers);
  expect(response.body.errors).toBeUndefined();
  return {
    cache: response.headers.get("x-response-cache"),
    ...(response.body.data as { reportingStatus: { deadline: string; expected: number; missing: number } }).reportingStatus,
  };
}

it("answers reportingStatus afresh once the deadline has passed, on the same day in UTC", async () => {
  setClock("2024-12-05T16:59:57Z");
  const before = await status();
  expect(before).toEqual({ cache: "MISS", deadline: "2024-12-05T17:00:00.000Z", expected: expect.any(Number), missing: 0 });
  expect(before.expected).toBeGreaterThan(0);
  expect((await status()).cache).toBe("HIT");

  setClock("2024-12-05T17:00:03Z");
  const after = await status();
  expect(after).toEqual({ cache: "MISS", deadline: before.deadline, expected: before.expected, missing: before.expected });
  expect(await status()).toEqual({ ...after, cache: "HIT" });
});
