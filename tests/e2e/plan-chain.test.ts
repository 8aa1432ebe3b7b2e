// The chain of plans: Vị Xuyên's 2023 plan (the demo's 760/UBND-LĐTBOXH) implements a Hà Giang 2023 plan that
// also sets a target for the district; progress of both through the gateway (decision 0107).
import { Role } from "@vnge/shared";
import { type Caller, type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
}, 120_000);
afterAll(() => system?.close());

const post = async (query: string, variables?: Record<string, unknown>, caller?: Caller) =>
  (await postGraphQL(system.gatewayUrl!, query, variables, await authHeader(caller))).body;
async function ok<T>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<T> {
  const body = await post(query, variables, caller);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const CREATE = `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id targets { area { code } indicatorCode period } } }`;
const LINK = `mutation ($plan: ID!, $parent: ID) { linkPlan(planId: $plan, parentPlanId: $parent) { id parent { id } } }`;
const srb = (targetValue: number, areaCode?: string) => ({ indicatorCode: "SEX_RATIO_AT_BIRTH", period: "2023", targetValue, comparison: "AT_MOST", areaCode });

let province: string;
let district: string;

beforeAll(async () => {
  // Hà Giang's 2023 plan: its own target, and one it sets for Vị Xuyên.
  province = (
    await ok<{ createPlan: { id: string; targets: { area: { code: string } }[] } }>(CREATE, {
      input: {
        areaCode: "02",
        title: "Kế hoạch bình đẳng giới tỉnh Hà Giang năm 2023",
        type: "YEARLY",
        startYear: 2023,
        endYear: 2023,
        targets: [srb(112), srb(110, "030")],
      },
    })
  ).createPlan.id;
  district = (await ok<{ plans: { id: string; documentNumber: string }[] }>(`{ plans(areaCode: "030") { id documentNumber } }`)).plans.find(
    (plan) => plan.documentNumber === "760/UBND-LĐTBOXH",
  )!.id;
  await ok(`mutation ($plan: ID!, $targets: [TargetInput!]!) { addTargets(planId: $plan, targets: $targets) { id } }`, { plan: district, targets: [srb(109)] });
}, 60_000);

interface TargetView {
  area: { code: string };
  targetValue: number;
  actual: { total: number | null };
  progress: { status: string } | null;
  parentTarget: { area: { code: string }; targetValue: number; progress: { status: string } | null } | null;
}

describe("a district plan linked to its province's", () => {
  it("is linked, and reads its targets beside the province's, with the progress of both", async () => {
    const linked = await ok<{ linkPlan: { parent: { id: string } } }>(LINK, { plan: district, parent: province });
    expect(linked.linkPlan.parent).toEqual({ id: province });

    const data = await ok<{
      plan: { area: { code: string }; parent: { area: { code: string }; children: { id: string }[]; targets: TargetView[] }; targets: TargetView[] };
    }>(
      `query ($id: ID!) { plan(id: $id) { area { code }
          targets { area { code } targetValue actual { total } progress { status } parentTarget { area { code } targetValue progress { status } } }
          parent { area { code } children { id } targets { area { code } targetValue actual { total } progress { status } } } } }`,
      { id: district },
    );
    const { plan } = data;
    expect(plan.parent.area.code).toBe("02");
    expect(plan.parent.children.map((child) => child.id)).toEqual([district]);
    // The province's targets: its own, and the one it set for the district, each judged on its own area's figures.
    const byArea = new Map(plan.parent.targets.map((target) => [target.area.code, target]));
    expect([...byArea.keys()].sort()).toEqual(["02", "030"]);
    for (const target of plan.parent.targets) {
      expect(target.actual.total).toEqual(expect.any(Number));
      expect(target.progress?.status).toEqual(expect.stringMatching(/ACHIEVED|AT_RISK|OFF_TRACK/));
    }
    const { rollup } = await ok<{ rollup: { total: number }[] }>(
      `{ rollup(indicatorCodes: ["SEX_RATIO_AT_BIRTH"], periods: ["2023"], parentCode: "030") { total } }`,
    );
    expect(byArea.get("030")!.actual.total).toBe(rollup[0].total);
    // The district's own target, beside the target the province set for it.
    const own = plan.targets.find((target) => target.targetValue === 109)!;
    expect(own.area.code).toBe("030");
    expect(own.actual.total).toBe(byArea.get("030")!.actual.total);
    expect(own.parentTarget).toMatchObject({ area: { code: "030" }, targetValue: 110, progress: { status: expect.any(String) } });
  });

  it("refuses a target the province sets outside itself, and a link that breaks the chain's rules", async () => {
    const outside = await post(CREATE, {
      input: { areaCode: "02", title: "Kế hoạch", type: "YEARLY", startYear: 2023, endYear: 2023, targets: [srb(110, "381")] },
    });
    expect(outside.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "targets.areaCode" },
      message: expect.stringContaining("381 is not beneath area 02"),
    });

    // A province's plan cannot implement a district's; a 2023 plan cannot implement a 2017 one; no loops.
    const upward = await post(LINK, { plan: province, parent: district });
    expect(upward.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("not the same or above") });
    const konTum2017 = (await ok<{ plans: { id: string }[] }>(`{ plans(areaCode: "62") { id } }`)).plans[0].id;
    const wrongYears = await post(LINK, { plan: district, parent: konTum2017 });
    expect(wrongYears.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const self = await post(LINK, { plan: district, parent: district });
    expect(self.errors?.[0].message).toContain("cannot implement itself");
  });

  it("is linked only by someone whose areas hold the plan", async () => {
    const outsider: Caller = { subject: "de-38", roles: [Role.DATA_ENTRY], areaCodes: ["38"] };
    const body = await post(LINK, { plan: district, parent: null }, outsider);
    expect(body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const still = await ok<{ plan: { parent: { id: string } | null } }>(`query ($id: ID!) { plan(id: $id) { parent { id } } }`, { id: district });
    expect(still.plan.parent).toEqual({ id: province });
  });
});
