// The 2025 reform, end to end on the real files: the 2025-03 list (province > district > commune) and
// the 2025-07 version (province > commune) with the published mapping, values reported on each, read
// as one time series through the gateway. Expected figures are worked out here from the files
// themselves, independently of the crosswalk the import derives. The files are read from NATIONAL_DATA_DIR
// (tests/hierarchy-generated.test.ts covers the import and the crosswalk on a generated reform).
import fs from "node:fs";
import { createDataValueService, seedCatalogue } from "@vnge/indicators";
import { type AreaRow, AreaDirectory, AreaScope, NATION_CODE } from "@vnge/shared";
import { importAreas, importHierarchyVersion, parseUnitList, readReformFiles } from "@vnge/indicators";
import { describeWithNationalData } from "@vnge/shared/testing";
import { ADMIN, authHeader, postGraphQL, startTestSystem, type TestSystem } from "../testkit";

const VERSION = { code: "2025-07", name: "After the 2025 reform: province > commune", validFrom: "2025-07-01", previous: "2025-03" };
const INDICATOR = "GBV_VICTIMS_DETECTED";
/** Tuyên Quang after the reform: the old Tuyên Quang (08) and Hà Giang (02). */
const NEW_PROVINCE = "08";

interface Merge {
  old_id: string;
  type: "full" | "partial";
}
interface NewProvince {
  level1_id: string;
  merges: Merge[];
  level2s: { level2_id: string; merges: Merge[] }[];
}
// A fixed figure per old commune and sex (never zero for females, so every commune reports).
const oldValue = (code: string, sex: "MALE" | "FEMALE") => (sex === "MALE" ? Number(code) % 7 : (Number(code) % 11) + 1);
const newValue = (code: string, sex: "MALE" | "FEMALE") => (sex === "MALE" ? 2 : 3) + (Number(code) % 5);

const ROLLUP = `query ($periods: [String!]!, $parent: ID!, $level: AreaLevel, $hierarchy: String) {
  rollup(indicatorCodes: ["${INDICATOR}"], periods: $periods, parentCode: $parent, level: $level, hierarchy: $hierarchy) {
    area { code hierarchy level } period hierarchy sourceHierarchy total male female numerator { male female }
    approximate approximateShare completeness
  }
}`;
interface Value {
  area: { code: string; hierarchy: string; level: string };
  period: string;
  hierarchy: string;
  sourceHierarchy: string;
  total: number | null;
  male: number | null;
  female: number | null;
  numerator: { male: number | null; female: number | null };
  approximate: boolean;
  approximateShare: number | null;
  completeness: number | null;
}

describeWithNationalData(__filename, "the 2025 reform on the national lists", (national) => {
  let merges: NewProvince[];
  let oldList: AreaRow[];
  let oldCommunes: AreaRow[];
  /** How many new communes each old unit went into. */
  const pieces = new Map<string, number>();

  let system: TestSystem;
  const rollup = async (variables: Record<string, unknown>) => (await system.gateway.request<{ rollup: Value[] }>(ROLLUP, variables)).rollup;

  beforeAll(async () => {
    merges = (JSON.parse(fs.readFileSync(national.files.merges, "utf8")) as { data: NewProvince[] }).data;
    oldList = parseUnitList(JSON.parse(fs.readFileSync(national.files.units, "utf8")));
    oldCommunes = oldList.filter((row) => row.level === "COMMUNE");
    for (const province of merges)
      for (const commune of province.level2s) for (const m of commune.merges) pieces.set(m.old_id, (pieces.get(m.old_id) ?? 0) + 1);
    system = await startTestSystem({ seedDemo: false });
    await importAreas(system.db, oldList);
    await seedCatalogue(system.db);
    await importHierarchyVersion(system.db, VERSION, readReformFiles(national.files));
    // 2024, on the old units: every commune of the country.
    const values = oldCommunes.flatMap((c) =>
      (["MALE", "FEMALE"] as const).map((sex) => ({ dataElementCode: INDICATOR, areaCode: c.code, period: "2024", sex, value: oldValue(c.code, sex) })),
    );
    const written = await createDataValueService(system.db, new AreaScope(new AreaDirectory(system.db), [NATION_CODE])).submit(values, { submittedBy: "test" });
    expect(written.conflicts).toEqual([]);
  }, 300_000);
  afterAll(() => system?.close());

  const newCommunesOf = (province: string) => merges.find((p) => p.level1_id === province)!.level2s;

  describe("importing a hierarchy version", () => {
    it("loads 34 provinces and 3,321 communes without districts, and lists both versions with their validity", async () => {
      const counts = await system.db.prisma.area.groupBy({ by: ["level"], where: { hierarchyCode: "2025-07" }, _count: { _all: true } });
      expect(Object.fromEntries(counts.map((c) => [c.level, c._count._all]))).toEqual({ NATION: 1, PROVINCE: 34, COMMUNE: 3321 });
      const { hierarchies } = await system.gateway.request<{ hierarchies: unknown[] }>(`{ hierarchies { code validFrom validTo } }`);
      expect(hierarchies).toEqual([
        { code: "2025-03", validFrom: null, validTo: "2025-06-30" },
        { code: "2025-07", validFrom: "2025-07-01", validTo: null },
      ]);
    });

    it("changes nothing when run again with the same files", async () => {
      const before = await system.db.prisma.areaCrosswalk.count();
      const again = await importHierarchyVersion(system.db, VERSION, readReformFiles(national.files));
      expect(again.areas).toEqual({ inserted: 0, updated: 0, unchanged: 1 + 34 + 3321 });
      expect(await system.db.prisma.areaCrosswalk.count()).toBe(before);
      // Codes the mapping names that the 2025-03 list does not hold (units merged before it) are reported, not guessed.
      expect(again.skippedCodes.every((code) => !oldList.some((row) => row.code === code))).toBe(true);
    });

    it("reads a code in the version asked for, and links units across the reform", async () => {
      const query = `query ($code: ID!, $hierarchy: String) { area(code: $code, hierarchy: $hierarchy) {
        code hierarchy name level predecessors { kind area { code hierarchy } } successors { kind area { code } } } }`;
      const old = await system.gateway.request<{ area: { name: string; successors: { kind: string; area: { code: string } }[] } }>(query, {
        code: "02",
        hierarchy: "2025-03",
      });
      expect(old.area).toMatchObject({ name: "Hà Giang", successors: [{ kind: "FULL", area: { code: NEW_PROVINCE } }] });
      // Without a version, a code means the unit in force today: Hà Giang no longer exists.
      expect((await system.gateway.request<{ area: unknown }>(query, { code: "02" })).area).toBeNull();
      const current = await system.gateway.request<{ area: { hierarchy: string; predecessors: { area: { code: string } }[] } }>(query, { code: NEW_PROVINCE });
      expect(current.area.hierarchy).toBe("2025-07");
      expect(current.area.predecessors.map((p) => p.area.code).sort()).toEqual(["02", "08"]);
      const split = await system.gateway.request<{ area: { successors: { kind: string }[] } }>(query, { code: "00016", hierarchy: "2025-03" });
      expect(split.area.successors.map((s) => s.kind)).toEqual(["PARTIAL", "PARTIAL"]);
    });
  });

  describe("one time series across the reform", () => {
    beforeAll(async () => {
      const values = newCommunesOf(NEW_PROVINCE).flatMap((c) =>
        (["MALE", "FEMALE"] as const).map((sex) => ({
          dataElementCode: INDICATOR,
          areaCode: c.level2_id,
          period: "2025S2",
          sex,
          value: newValue(c.level2_id, sex),
        })),
      );
      const { submitDataValues } = await system.gateway.request<{ submitDataValues: { imported: number; conflicts: unknown[] } }>(
        `mutation ($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported conflicts { message } } }`,
        { values },
      );
      expect(submitDataValues).toEqual({ imported: values.length, conflicts: [] });
    });

    it("gives 2024 (old units, carried over) and 2025S2 (new units) for a new province, exact where no split crosses it", async () => {
      const sources = new Set(merges.find((p) => p.level1_id === NEW_PROVINCE)!.merges.map((m) => m.old_id));
      const oldInside = oldCommunes.filter((c) => sources.has(c.provinceCode!));
      const sum = (codes: string[], value: (code: string, sex: "MALE" | "FEMALE") => number, sex: "MALE" | "FEMALE") =>
        codes.reduce((t, code) => t + value(code, sex), 0);
      const series = await rollup({ periods: ["2024", "2025S2"], parent: NEW_PROVINCE, hierarchy: "2025-07" });
      expect(series.map((v) => [v.period, v.sourceHierarchy, v.hierarchy, v.area.code])).toEqual([
        ["2024", "2025-03", "2025-07", NEW_PROVINCE],
        ["2025S2", "2025-07", "2025-07", NEW_PROVINCE],
      ]);
      const oldCodes = oldInside.map((c) => c.code);
      expect(series[0]).toMatchObject({
        male: sum(oldCodes, oldValue, "MALE"),
        female: sum(oldCodes, oldValue, "FEMALE"),
        approximate: false,
        approximateShare: 0,
        completeness: 1,
      });
      const newCodes = newCommunesOf(NEW_PROVINCE).map((c) => c.level2_id);
      expect(series[1]).toMatchObject({
        male: sum(newCodes, newValue, "MALE"),
        female: sum(newCodes, newValue, "FEMALE"),
        approximate: false,
        approximateShare: 0,
      });
      // Without `hierarchy`, the version of the latest period is used: the same answer.
      expect(await rollup({ periods: ["2024", "2025S2"], parent: NEW_PROVINCE })).toEqual(series);
    });

    it("marks a new commune approximate exactly when a partially split old commune feeds it, with the apportioned share", async () => {
      const values = await rollup({ periods: ["2024"], parent: NEW_PROVINCE, level: "COMMUNE", hierarchy: "2025-07" });
      const communes = newCommunesOf(NEW_PROVINCE);
      expect(values).toHaveLength(communes.length);
      let approximate = 0;
      for (const commune of communes) {
        const value = values.find((v) => v.area.code === commune.level2_id)!;
        const known = commune.merges.filter((m) => oldCommunes.some((c) => c.code === m.old_id));
        const share = (m: Merge) => 1 / pieces.get(m.old_id)!;
        const female = known.reduce((t, m) => t + oldValue(m.old_id, "FEMALE") * share(m), 0);
        const male = known.reduce((t, m) => t + oldValue(m.old_id, "MALE") * share(m), 0);
        const partial = known.filter((m) => m.type === "partial");
        expect(value.approximate).toBe(partial.length > 0);
        // The presented figures are rounded to the indicator's decimals; the numerator keeps the apportioned sums.
        expect(value.numerator.female).toBeCloseTo(female, 6);
        expect(value.numerator.male).toBeCloseTo(male, 6);
        const magnitude = known.reduce((t, m) => t + (oldValue(m.old_id, "MALE") + oldValue(m.old_id, "FEMALE")) * share(m), 0);
        const apportioned = partial.reduce((t, m) => t + (oldValue(m.old_id, "MALE") + oldValue(m.old_id, "FEMALE")) * share(m), 0);
        expect(value.approximateShare).toBeCloseTo(magnitude === 0 ? 0 : apportioned / magnitude, 3);
        if (value.approximate) approximate++;
      }
      // The province has both kinds, so the test above saw both.
      expect(approximate).toBeGreaterThan(0);
      expect(approximate).toBeLessThan(communes.length);
    });

    it("keeps national totals across versions to the unit, and the new provinces add up to the nation", async () => {
      const [onOld] = await rollup({ periods: ["2024"], parent: "VN", hierarchy: "2025-03" });
      const [onNew] = await rollup({ periods: ["2024"], parent: "VN", hierarchy: "2025-07" });
      expect(onOld.sourceHierarchy).toBe("2025-03");
      expect(onNew.sourceHierarchy).toBe("2025-03");
      expect(onNew.approximate).toBe(false);
      expect(onNew.total).toBe(onOld.total);
      expect(onNew.total).toBe(oldCommunes.reduce((t, c) => t + oldValue(c.code, "MALE") + oldValue(c.code, "FEMALE"), 0));
      const provinces = await rollup({ periods: ["2024"], parent: "VN", level: "PROVINCE", hierarchy: "2025-07" });
      expect(provinces).toHaveLength(34);
      expect(Math.round(provinces.reduce((t, v) => t + (v.total ?? 0), 0))).toBe(onOld.total);
    });

    it("carries new-unit values back onto the old hierarchy, apportioned where a new commune merged several", async () => {
      const [nation] = await rollup({ periods: ["2025S2"], parent: "VN", hierarchy: "2025-03" });
      const [native] = await rollup({ periods: ["2025S2"], parent: "VN", hierarchy: "2025-07" });
      expect(nation).toMatchObject({ sourceHierarchy: "2025-07", hierarchy: "2025-03", approximate: false, total: native.total });
      const oldProvinces = await rollup({ periods: ["2025S2"], parent: "VN", level: "PROVINCE", hierarchy: "2025-03" });
      const withData = oldProvinces
        .filter((v) => (v.total ?? 0) > 0)
        .map((v) => v.area.code)
        .sort();
      expect(withData).toEqual(["02", "08"]);
      const hagiang = await rollup({ periods: ["2025S2"], parent: "02", level: "COMMUNE", hierarchy: "2025-03" });
      expect(hagiang.some((v) => v.approximate)).toBe(true);
    });
  });

  describe("submitting against the wrong version", () => {
    const submit = (values: unknown[]) =>
      system.gateway.request<{ submitDataValues: { imported: number; conflicts: { index: number; field: string; message: string }[] } }>(
        `mutation ($values: [DataValueInput!]!) { submitDataValues(input: { values: $values }) { imported conflicts { index field message } } }`,
        { values },
      );

    it("refuses an old commune or district for a period after the reform, and a new unit before it, writing nothing", async () => {
      const before = await system.db.prisma.dataValue.count();
      const { submitDataValues } = await submit([
        { dataElementCode: INDICATOR, areaCode: "00001", period: "2025S2", sex: "FEMALE", value: 1 },
        { dataElementCode: INDICATOR, areaCode: "11948", period: "2024", sex: "FEMALE", value: 1 },
        { dataElementCode: INDICATOR, areaCode: "00097", period: "2025S2", sex: "FEMALE", value: 1 },
      ]);
      expect(submitDataValues.imported).toBe(0);
      expect(submitDataValues.conflicts).toEqual([
        {
          index: 0,
          field: "areaCode",
          message:
            'area "00001" does not exist in hierarchy 2025-07 (in force from 2025-07-01), which period 2025S2 is reported on; ' +
            "it is an area of hierarchy 2025-03 (in force until 2025-06-30)",
        },
        {
          index: 1,
          field: "areaCode",
          message:
            'area "11948" does not exist in hierarchy 2025-03 (in force until 2025-06-30), which period 2024 is reported on; ' +
            "it is an area of hierarchy 2025-07 (in force from 2025-07-01)",
        },
      ]);
      expect(await system.db.prisma.dataValue.count()).toBe(before);
      // The first half of 2025 still belongs to the old units.
      const firstHalf = await submit([{ dataElementCode: INDICATOR, areaCode: "00001", period: "2025S1", sex: "FEMALE", value: 1 }]);
      expect(firstHalf.submitDataValues).toEqual({ imported: 1, conflicts: [] });
    });

    it("refuses an unknown version by name", async () => {
      const body = await postGraphQL(system.gatewayUrl!, ROLLUP, { periods: ["2024"], parent: "VN", hierarchy: "2030-01" }, await authHeader(ADMIN));
      expect(body.body.errors?.[0]).toMatchObject({
        message: 'unknown hierarchy version "2030-01"; known: 2025-03, 2025-07',
        extensions: { code: "BAD_USER_INPUT" },
      });
    });
  });

  describe("plans of abolished units", () => {
    it("keeps a district's plan and its target readable, with the actual value on the district's own version", async () => {
      const district = oldList.find((row) => row.level === "DISTRICT" && row.provinceCode === "02")!;
      const { createPlan } = await system.gateway.request<{ createPlan: { id: string } }>(
        `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`,
        {
          input: {
            areaCode: district.code,
            title: "Kế hoạch bình đẳng giới 2024",
            type: "YEARLY",
            startYear: 2024,
            endYear: 2024,
            targets: [{ indicatorCode: INDICATOR, period: "2024", targetValue: 100000, comparison: "AT_MOST" }],
          },
        },
      );
      const { plans } = await system.gateway.request<{ plans: unknown[] }>(
        `query ($area: ID!) { plans(areaCode: $area) { id area { name hierarchy level } targets { area { code hierarchy } actual { total hierarchy } } } }`,
        { area: district.code },
      );
      const communes = oldCommunes.filter((c) => c.districtCode === district.code);
      // The district no longer exists today, yet its plan names it: the reference carries the plan's version.
      expect(plans).toEqual([
        {
          id: createPlan.id,
          area: { name: district.name, hierarchy: "2025-03", level: "DISTRICT" },
          targets: [
            {
              area: { code: district.code, hierarchy: "2025-03" },
              actual: { hierarchy: "2025-03", total: communes.reduce((t, c) => t + oldValue(c.code, "MALE") + oldValue(c.code, "FEMALE"), 0) },
            },
          ],
        },
      ]);
      // A plan for a year after the reform cannot be issued by the abolished district.
      const after = await postGraphQL(
        system.gatewayUrl!,
        `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }`,
        { input: { areaCode: district.code, title: "2026", type: "YEARLY", startYear: 2026, endYear: 2026 } },
        await authHeader(ADMIN),
      );
      expect(after.body.errors?.[0].message).toBe(`unknown area "${district.code}" in hierarchy 2025-07, in force in 2026`);
    });
  });
});
