// Allowed origins and the explorer switch as read from the environment.
import { DEVELOPMENT_ORIGINS, loadHttpConfig } from "../http/http-config";
import { originAllowed, parseOrigins } from "../http/origins";

describe("allowed origins", () => {
  const rules = parseOrigins("https://dashboard.example.gov.vn, http://localhost:*, https://*.partners.example.vn, https://stats.example.vn:443");

  it.each([
    ["https://dashboard.example.gov.vn", true],
    ["https://DASHBOARD.example.gov.vn", true],
    ["http://dashboard.example.gov.vn", false],
    ["https://dashboard.example.gov.vn:8443", false],
    ["https://dashboard.example.gov.vn.evil.example", false],
    ["http://localhost:5173", true],
    ["http://localhost", true],
    ["http://localhost.evil.example", false],
    ["https://app.partners.example.vn", true],
    ["https://partners.example.vn", false],
    ["https://evilpartners.example.vn", false],
    ["https://stats.example.vn", true],
    ["null", false],
    ["https://dashboard.example.gov.vn/path", false],
  ])("%s: %s", (origin, allowed) => {
    expect(originAllowed(origin, rules)).toBe(allowed);
  });

  it.each(["localhost:5173", "https://example.vn/app", "https://exa*mple.vn", "ftp://example.vn", "*"])("refuses %s as a rule", (text) => {
    expect(() => parseOrigins(text)).toThrow(/CORS_ORIGINS/);
  });
});

describe("loadHttpConfig", () => {
  it("allows the local development origins and serves the explorer outside production", () => {
    const config = loadHttpConfig(false, {});
    expect(config.explorer).toBe(true);
    expect(config.corsOrigins).toEqual(parseOrigins(DEVELOPMENT_ORIGINS));
  });

  it("allows no origin and serves no explorer in production unless told", () => {
    expect(loadHttpConfig(true, {})).toEqual({ corsOrigins: [], explorer: false });
    expect(loadHttpConfig(true, { EXPLORER: "on", CORS_ORIGINS: "https://dashboard.example.gov.vn" })).toEqual({
      corsOrigins: parseOrigins("https://dashboard.example.gov.vn"),
      explorer: true,
    });
  });

  it("takes * for every origin, EXPLORER=off in development, and refuses other values", () => {
    expect(loadHttpConfig(true, { CORS_ORIGINS: " * " }).corsOrigins).toBe("*");
    expect(loadHttpConfig(false, { EXPLORER: "off" }).explorer).toBe(false);
    expect(() => loadHttpConfig(false, { EXPLORER: "yes" })).toThrow(/EXPLORER/);
  });
});
