// The internal secret (the gateway's own tokens) is never the user token secret: in development it
// is a second secret of the checkout, so a user token naming the gateway as issuer is refused.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type DevSecretFiles, INTERNAL_ISSUER, loadAuthConfig } from "../auth-config";
import { Role } from "../roles";
import { signInternalToken } from "../service-token";
import { createTokenVerifier, signToken } from "../tokens";

let dir: string;
let files: DevSecretFiles;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth-config-"));
  files = { user: path.join(dir, "auth-dev-secret"), internal: path.join(dir, "auth-dev-internal-secret") };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const USER_SECRET = "a-user-token-secret-of-at-least-32-characters";
const claims = { subject: "mallory", roles: [Role.ADMIN], areaCodes: ["VN"] };

describe("loadAuthConfig", () => {
  it("makes the development checkout two different secrets, once, and refuses a user-signed token naming the gateway", async () => {
    const config = loadAuthConfig({}, files);
    expect(fs.readFileSync(files.user, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(files.internal, "utf8")).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(config.internalSecret).equals(Buffer.from(config.secret!))).toBe(false);
    // every process of the checkout reads the same two
    const again = loadAuthConfig({}, files);
    expect(Buffer.from(again.secret!).equals(Buffer.from(config.secret!))).toBe(true);
    expect(Buffer.from(again.internalSecret).equals(Buffer.from(config.internalSecret))).toBe(true);

    const verify = createTokenVerifier(config);
    const posing = await signToken(claims, { secret: config.secret!, issuer: INTERNAL_ISSUER, audience: config.audience, expiresInSeconds: 60 });
    await expect(verify(posing)).rejects.toThrow("not valid");
    expect((await verify(await signInternalToken(again, "api-key:abc", [Role.PARTNER], ["38"]))).via).toBe("internal");
  });

  it("calls only the checkout's own secret a development secret (the web application's sign-in offers tokens with it alone)", () => {
    expect(loadAuthConfig({}, files).developmentSecret).toBe(true);
    expect(loadAuthConfig({ AUTH_JWT_SECRET: USER_SECRET }, files).developmentSecret).toBe(false);
    expect(loadAuthConfig({ AUTH_JWKS_URL: "https://id.example.gov.vn/jwks" }, files).developmentSecret).toBe(false);
  });

  it("does not fall back to AUTH_JWT_SECRET for the internal secret outside production", async () => {
    const config = loadAuthConfig({ AUTH_JWT_SECRET: USER_SECRET }, files);
    expect(new TextDecoder().decode(config.secret)).toBe(USER_SECRET);
    expect(new TextDecoder().decode(config.internalSecret)).toBe(fs.readFileSync(files.internal, "utf8"));
    const posing = await signToken(claims, { secret: config.secret!, issuer: INTERNAL_ISSUER, audience: config.audience, expiresInSeconds: 60 });
    await expect(createTokenVerifier(config)(posing)).rejects.toThrow("not valid");
  });

  it("refuses an internal secret equal to the user secret, and production without one", () => {
    expect(() => loadAuthConfig({ AUTH_JWT_SECRET: USER_SECRET, AUTH_INTERNAL_SECRET: USER_SECRET }, files)).toThrow(
      "AUTH_INTERNAL_SECRET must differ from AUTH_JWT_SECRET",
    );
    expect(() => loadAuthConfig({ NODE_ENV: "production", AUTH_JWT_SECRET: USER_SECRET }, files)).toThrow("Set AUTH_INTERNAL_SECRET");
    expect(fs.existsSync(files.internal)).toBe(false);
    const secret = new TextEncoder().encode(USER_SECRET);
    expect(() => createTokenVerifier({ issuer: "vnge", audience: "vnge-api", secret, internalSecret: secret, internalTokenTtl: 300 })).toThrow("must differ");
  });
});
