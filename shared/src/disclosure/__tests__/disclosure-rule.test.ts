import { Role } from "../../auth/roles";
import { testIdentity } from "../../testing/service-context";
import { disclosureRule, suppressionThreshold } from "../disclosure-rule";

describe("suppressionThreshold", () => {
  it("is 5 unless CASE_SUPPRESSION_THRESHOLD says otherwise, and refuses nonsense", () => {
    expect(suppressionThreshold({})).toBe(5);
    expect(suppressionThreshold({ CASE_SUPPRESSION_THRESHOLD: "10" })).toBe(10);
    expect(() => suppressionThreshold({ CASE_SUPPRESSION_THRESHOLD: "0" })).toThrow(/whole number >= 1/);
    expect(() => suppressionThreshold({ CASE_SUPPRESSION_THRESHOLD: "five" })).toThrow(/whole number >= 1/);
  });
});

describe("disclosureRule", () => {
  const rule = (...roles: Role[]) => disclosureRule(testIdentity(roles, ["VN"]), 5);

  it("gives exact confidential figures to administrators and case workers only, never to a partner", () => {
    expect(rule(Role.ADMIN).exactConfidential).toBe(true);
    expect(rule(Role.CASE_WORKER).exactConfidential).toBe(true);
    expect(rule(Role.ANALYST).exactConfidential).toBe(false);
    expect(rule(Role.DATA_ENTRY, Role.APPROVER).exactConfidential).toBe(false);
    expect(rule(Role.CASE_WORKER, Role.PARTNER).exactConfidential).toBe(false);
  });

  it("limits a partner holding no other role to approved data", () => {
    expect(rule(Role.PARTNER).approvedOnly).toBe(true);
    expect(rule(Role.PARTNER, Role.ANALYST).approvedOnly).toBe(false);
    expect(rule(Role.ANALYST).approvedOnly).toBe(false);
  });
});
