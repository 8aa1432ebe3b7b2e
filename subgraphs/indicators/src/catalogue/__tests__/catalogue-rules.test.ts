import { type ElementFacts, codeProblem, formulaProblems } from "../catalogue.rules";

const element = (code: string, facts: Partial<ElementFacts> = {}): [string, ElementFacts] => [
  code,
  { code, disaggregatedBySex: true, collectionLevel: "COMMUNE", owner: "VN", retiredAt: null, ...facts },
];

describe("codes", () => {
  it("are UPPER_SNAKE when national and prefixed by the owner when local", () => {
    expect(codeProblem("SEX_RATIO_AT_BIRTH", "VN")).toBeNull();
    expect(codeProblem("62.ABORTION_RATIO", "62")).toBeNull();
    expect(codeProblem("62.ABORTION_RATIO", "VN")?.field).toBe("code");
    expect(codeProblem("ABORTION_RATIO", "62")?.message).toContain('"62."');
    expect(codeProblem("38.ABORTION_RATIO", "62")?.message).toContain('"62."');
    expect(codeProblem("62.abortion", "62")).not.toBeNull();
  });
});

describe("formulas", () => {
  const elements = new Map([
    element("BIRTHS"),
    element("DEATHS", { disaggregatedBySex: false }),
    element("WORKERS", { collectionLevel: "PROVINCE" }),
    element("OLD", { retiredAt: new Date() }),
    element("38.LOCAL", { owner: "38" }),
    element("62.LOCAL", { owner: "62" }),
  ]);

  it("accept national elements and the owner's own", () => {
    expect(
      formulaProblems({ owner: "62", numerator: { element: "62.LOCAL", sex: "FEMALE" }, denominator: { element: "BIRTHS" }, factor: 100 }, elements),
    ).toEqual([]);
    // a denominator collected higher up (the province) than the numerator (communes) is a whole figure at every level above
    expect(formulaProblems({ owner: "VN", numerator: { element: "BIRTHS" }, denominator: { element: "WORKERS" }, factor: 100 }, elements)).toEqual([]);
  });

  it("name each problem with its field", () => {
    const problems = formulaProblems({ owner: "62", numerator: { element: "DEATHS", sex: "MALE" }, denominator: { element: "NOPE" }, factor: 0 }, elements);
    expect(problems.map((p) => p.field)).toEqual(["numerator.sex", "denominator.element", "factor"]);
    expect(formulaProblems({ owner: "62", numerator: { element: "WORKERS" }, denominator: { element: "BIRTHS" }, factor: 1 }, elements)).toEqual([
      expect.objectContaining({ field: "denominator.element", message: expect.stringContaining("below the numerator") }),
    ]);
    expect(formulaProblems({ owner: "62", numerator: { element: "38.LOCAL" }, factor: 1 }, elements)[0].message).toContain("belongs to area 38");
    expect(formulaProblems({ owner: "VN", numerator: { element: "OLD" }, factor: 1 }, elements)[0].message).toContain("retired");
    expect(formulaProblems({ owner: "VN", numerator: { element: "BIRTHS" }, factor: -1 }, elements)[0].field).toBe("factor");
  });
});
