import { SignJWT, exportSPKI, generateKeyPair } from "jose";
import type { AuthConfig } from "../auth-config";
import { INTERNAL_ISSUER } from "../auth-config";
import { Role } from "../roles";
import { bearerToken, createTokenVerifier, signToken } from "../tokens";

const encode = (text: string) => new TextEncoder().encode(text);
const config: AuthConfig = {
  issuer: "vnge",
  audience: "vnge-api",
  secret: encode("a-secret-of-at-least-thirty-two-characters"),
  internalSecret: encode("the-gateway-secret-of-at-least-32-characters"),
  internalTokenTtl: 300,
};
const claims = { subject: "alice", roles: [Role.DATA_ENTRY], areaCodes: ["381"] };
const sign = (overrides: Partial<{ secret: Uint8Array; issuer: string; audience: string; expiresInSeconds: number }> = {}) =>
  signToken(claims, { secret: config.secret!, issuer: "vnge", audience: "vnge-api", expiresInSeconds: 60, ...overrides });

describe("token verification", () => {
  const verify = createTokenVerifier(config);

  it("turns a valid token into an identity", async () => {
    expect(await verify(await sign())).toEqual({ subject: "alice", roles: new Set([Role.DATA_ENTRY]), areaCodes: ["381"], agencyCode: null, via: "token" });
  });

  it("carries the agency a user works for, and refuses an agency claim that is no code", async () => {
    const withAgency = await signToken(
      { ...claims, agencyCode: "38-SKHDT" },
      { secret: config.secret!, issuer: "vnge", audience: "vnge-api", expiresInSeconds: 60 },
    );
    expect((await verify(withAgency)).agencyCode).toBe("38-SKHDT");
    const malformed = await new SignJWT({ roles: [Role.DATA_ENTRY], areas: ["38"], agency: 42 })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("bob")
      .setIssuer("vnge")
      .setAudience("vnge-api")
      .setExpirationTime("1m")
      .sign(config.secret!);
    await expect(verify(malformed)).rejects.toThrow("agency claim");
  });

  it("refuses expired tokens, other keys, other issuers and audiences", async () => {
    await expect(verify(await sign({ expiresInSeconds: -10 }))).rejects.toThrow("The bearer token has expired");
    await expect(verify(await sign({ secret: encode("another-secret-of-at-least-thirty-two-chars") }))).rejects.toThrow("not valid");
    await expect(verify(await sign({ issuer: "someone-else" }))).rejects.toThrow("not valid");
    await expect(verify(await sign({ audience: "another-api" }))).rejects.toThrow("not valid");
    await expect(verify("not-a-token")).rejects.toThrow("malformed");
  });

  it("refuses unsigned tokens (alg: none)", async () => {
    const [, payload] = (await sign()).split(".");
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    await expect(verify(`${header}.${payload}.`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("refuses a token signed with the gateway's secret unless it names the gateway as issuer", async () => {
    await expect(verify(await sign({ secret: config.internalSecret }))).rejects.toThrow("not valid");
    const issued = await sign({ secret: config.internalSecret, issuer: INTERNAL_ISSUER });
    expect((await verify(issued)).via).toBe("internal");
    // ...and a user token cannot pose as the gateway's.
    await expect(verify(await sign({ issuer: INTERNAL_ISSUER }))).rejects.toThrow("not valid");
  });

  it("refuses unknown roles and malformed claims", async () => {
    const token = await new SignJWT({ roles: ["SUPERUSER"], areas: ["VN"] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("mallory")
      .setIssuer("vnge")
      .setAudience("vnge-api")
      .setExpirationTime("1m")
      .sign(config.secret!);
    await expect(verify(token)).rejects.toThrow("roles claim");
    const noExpiry = await new SignJWT({ roles: [] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .setIssuer("vnge")
      .setAudience("vnge-api")
      .sign(config.secret!);
    await expect(verify(noExpiry)).rejects.toThrow("not valid");
  });

  it("verifies RS256 tokens with a public key and refuses HS256 ones signed with that key's text", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const publicKeyPem = await exportSPKI(publicKey);
    const verifyRs = createTokenVerifier({ ...config, secret: undefined, publicKeyPem });
    const rs = await new SignJWT({ roles: ["ANALYST"], areas: ["38"] })
      .setProtectedHeader({ alg: "RS256" })
      .setSubject("bob")
      .setIssuer("vnge")
      .setAudience("vnge-api")
      .setExpirationTime("1m")
      .sign(privateKey);
    expect((await verifyRs(rs)).roles).toEqual(new Set([Role.ANALYST]));
    const confused = await sign({ secret: encode(publicKeyPem) });
    await expect(verifyRs(confused)).rejects.toThrow("not valid");
  });
});

describe("bearerToken", () => {
  it("reads the token of an Authorization header", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("bearer abc")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
