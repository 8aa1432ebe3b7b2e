// The mapping file, DHIS2 periods and payloads (JSON and CSV), without a database.
import fs from "node:fs";
import { Dhis2MappingError, parseMapping } from "../dhis2-mapping";
import { Dhis2PayloadError, parseCsvPayload, parseJsonPayload } from "../dhis2-payload";
import { periodFromDhis2 } from "../dhis2-period";
import { DEMO_DHIS2_MAPPING_FILE } from "../dhis2-import.route";

describe("periodFromDhis2", () => {
  it.each(["2024", "2024S1", "2024S2", "2024Q1", "2024Q4", "202401", "202412"])("keeps %s as it is", (period) => {
    expect(periodFromDhis2(period)).toEqual({ period });
  });

  it.each([
    ["20240115", "daily"],
    ["2024W5", "weekly"],
    ["2024WedW5", "weekly"],
    ["2024BiW3", "bi-weekly"],
    ["202401B", "bi-monthly"],
    ["2024AprilS1", "six-monthly"],
    ["2024July", "financial-year"],
  ])("names the DHIS2 type of %s (%s) this system does not keep", (period, type) => {
    expect(periodFromDhis2(period)).toEqual({ problem: expect.stringContaining(type) });
  });

  it("refuses what is no period at all, and a missing one", () => {
    expect(periodFromDhis2("2024Q5")).toEqual({ problem: expect.stringContaining('period "2024Q5" must be') });
    expect(periodFromDhis2("202413")).toEqual({ problem: expect.stringContaining("must be") });
    expect(periodFromDhis2(" ")).toEqual({ problem: expect.stringContaining("missing") });
  });
});

describe("parseMapping", () => {
  const valid = {
    hierarchy: "2025-07",
    dataElements: { b5yZpo8BbBE: "LIVE_BIRTHS", LIVE_BIRTHS: "LIVE_BIRTHS" },
    categoryOptionCombos: { HllvX50cXC0: "NONE", maleUid0001: "male", femaleUid01: "FEMALE", totalUid001: "TOTAL" },
    attributeOptionCombos: ["HllvX50cXC0"],
    orgUnits: { ouThanhHoa1: "38", ouOldKonTum: { code: "62", hierarchy: "2025-03" } },
  };

  it("reads identifiers, sexes and areas, with the default hierarchy where an orgUnit names none", () => {
    const mapping = parseMapping(valid);
    expect(mapping.dataElements.get("b5yZpo8BbBE")).toBe("LIVE_BIRTHS");
    expect([...mapping.categoryOptionCombos]).toEqual([
      ["HllvX50cXC0", null],
      ["maleUid0001", "MALE"],
      ["femaleUid01", "FEMALE"],
      ["totalUid001", null],
    ]);
    expect(mapping.attributeOptionCombos).toEqual(new Set(["HllvX50cXC0"]));
    expect(mapping.orgUnits.get("ouThanhHoa1")).toEqual({ areaCode: "38", hierarchy: "2025-07" });
    expect(mapping.orgUnits.get("ouOldKonTum")).toEqual({ areaCode: "62", hierarchy: "2025-03" });
  });

  it("accepts any attribute option combo when the mapping lists none", () => {
    const { attributeOptionCombos: _listed, ...rest } = valid;
    expect(parseMapping(rest).attributeOptionCombos).toBeNull();
  });

  it("names every problem of a bad file at once", () => {
    const bad = {
      dataElement: {},
      dataElements: { a: 12 },
      categoryOptionCombos: { x: "BOTH" },
      orgUnits: { y: { code: "" }, z: ["38"] },
    };
    let error: Dhis2MappingError | undefined;
    try {
      parseMapping(bad);
    } catch (e) {
      error = e as Dhis2MappingError;
    }
    expect(error).toBeInstanceOf(Dhis2MappingError);
    expect(error?.problems.map((p) => p.field)).toEqual(["dataElement", "dataElements.a", "categoryOptionCombos.x", "orgUnits.y", "orgUnits.z"]);
    expect(error?.extensions.code).toBe("BAD_USER_INPUT");
    expect(() => parseMapping([])).toThrow("must be a JSON object");
    expect(() => parseMapping({ dataElements: {} })).toThrow("categoryOptionCombos: is missing");
  });

  it("reads the demo mapping shipped with the seed data", () => {
    const mapping = parseMapping(JSON.parse(fs.readFileSync(DEMO_DHIS2_MAPPING_FILE, "utf8")));
    expect(mapping.dataElements.get("LIVE_BIRTHS")).toBe("LIVE_BIRTHS");
    expect([...mapping.orgUnits.values()].filter((u) => u.hierarchy === "2025-03").length).toBeGreaterThan(100);
  });
});

describe("DHIS2 payloads", () => {
  it("reads JSON with the set's period, orgUnit and attribute option combo as defaults", () => {
    const values = parseJsonPayload(
      JSON.stringify({
        dataSet: "ds",
        period: "202401",
        orgUnit: "ouA",
        attributeOptionCombo: "aoc",
        dataValues: [
          { dataElement: "de1", categoryOptionCombo: "coc", value: "12", comment: "" },
          { dataElement: "de2", period: "202402", orgUnit: "ouB", value: 3, comment: "late", followup: true },
          "not an object",
          { dataElement: { id: "de3" }, value: "1" },
        ],
      }),
    );
    expect(values[0]).toEqual({
      index: 0,
      dataElement: "de1",
      period: "202401",
      orgUnit: "ouA",
      categoryOptionCombo: "coc",
      attributeOptionCombo: "aoc",
      value: "12",
      comment: null,
    });
    expect(values[1]).toMatchObject({ period: "202402", orgUnit: "ouB", value: 3, comment: "late", categoryOptionCombo: "" });
    expect(values[2].problem).toEqual({ property: "dataValue", message: "not a data value object" });
    expect(values[3].problem).toMatchObject({ property: "dataElement" });
  });

  it("refuses JSON that is not a data value set", () => {
    expect(() => parseJsonPayload("[1]")).toThrow(Dhis2PayloadError);
    expect(() => parseJsonPayload("{")).toThrow("not valid JSON");
    expect(() => parseJsonPayload(JSON.stringify({ dataValues: [], period: { id: "2024" } }))).toThrow("period must be text");
  });

  it("reads DHIS2's CSV by its header (older column names too) or, without one, in DHIS2's column order", () => {
    const withHeader = parseCsvPayload(
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupd,comment,followup\nde1,2024Q1,ouA,coc,aoc,5,clerk,2024-04-02,"a, comment",false\n',
    );
    expect(withHeader).toEqual([
      {
        index: 0,
        line: 2,
        dataElement: "de1",
        period: "2024Q1",
        orgUnit: "ouA",
        categoryOptionCombo: "coc",
        attributeOptionCombo: "aoc",
        value: "5",
        comment: "a, comment",
      },
    ]);
    const reordered = parseCsvPayload("value,orgunit,period,dataelement\n7,ouB,2024,de2\n");
    expect(reordered[0]).toMatchObject({ dataElement: "de2", period: "2024", orgUnit: "ouB", value: "7", categoryOptionCombo: "" });
    const bare = parseCsvPayload("de1,2024,ouA,coc,aoc,9,clerk,2024-02-01,,false\nde1,2025,ouA,coc,aoc,8\n");
    expect(bare.map((v) => [v.line, v.period, v.value, v.comment])).toEqual([
      [1, "2024", "9", null],
      [2, "2025", "8", null],
    ]);
  });

  it("refuses CSV without the columns it needs, or broken", () => {
    expect(() => parseCsvPayload("dataelement,period,value\nde,2024,1\n")).toThrow(expect.objectContaining({ reason: "MISSING_COLUMNS" }));
    expect(() => parseCsvPayload('de,2024,"ou\n')).toThrow(expect.objectContaining({ reason: "MALFORMED_CSV" }));
  });
});
