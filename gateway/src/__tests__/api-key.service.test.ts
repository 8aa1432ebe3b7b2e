import { Role, createTokenVerifier, loadAuthConfig } from "@vnge/shared";
import { createTestDatabase, type TestDatabase } from "@vnge/shared/testing/test-database";
import { ApiKeyService, RateLimitedError, hashApiKey } from "../api-keys/api-key.service";

let db: TestDatabase;
let clock: Date;
const auth = loadAuthConfig();
const service = () => new ApiKeyService(db, auth, () => clock);
const inDays = (days: number) => new Date(clock.getTime() + days * 86_400_000);

beforeEach(async () => {
  db = await createTestDatabase();
  clock = new Date("2026-11-20T10:00:30Z");
});
afterEach(() => db.dispose());

describe("API keys", () => {
  it("stores only a hash and authenticates the key as a PARTNER with its areas", async () => {
    const { key, row } = await service().create({ name: "UN Women dashboard", areaCodes: ["38"], expiresAt: inDays(30) });
    expect(key).toMatch(/^vnge_[A-Za-z0-9_-]{43}$/);
    const stored = await db.prisma.apiKey.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.hash).toBe(hashApiKey(key));
    expect(JSON.stringify(stored)).not.toContain(key.slice(5));

    const credential = await service().authenticate(key);
    expect(credential.identity).toEqual({
      subject: `api-key:${row.prefix}`,
      roles: new Set([Role.PARTNER]),
      areaCodes: ["38"],
      agencyCode: null,
      via: "internal",
    });
    // The token handed to the subgraphs verifies there, as the gateway's.
    const forwarded = credential.subgraphAuthorization.replace(/^Bearer /, "");
    expect(await createTokenVerifier(auth)(forwarded)).toEqual(credential.identity);
  });

  it("gives a key created without areas the whole country", async () => {
    const { row } = await service().create({ name: "national partner", areaCodes: [], expiresAt: inDays(30) });
    expect(row.areaCodes).toEqual(["VN"]);
  });

  it("refuses unknown, revoked and expired keys", async () => {
    const { key, row } = await service().create({ name: "app", areaCodes: [], expiresAt: inDays(1) });
    await expect(service().authenticate(`${key}x`)).rejects.toThrow("The API key is not valid");
    clock = inDays(2);
    await expect(service().authenticate(key)).rejects.toThrow("The API key has expired");
    clock = new Date("2026-11-20T10:00:30Z");
    expect(await service().revoke(row.prefix)).toBe(true);
    expect(await service().revoke(row.prefix)).toBe(false);
    await expect(service().authenticate(key)).rejects.toMatchObject({ message: "The API key has been revoked", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("limits requests per minute and says when to retry", async () => {
    const { key } = await service().create({ name: "app", areaCodes: [], expiresAt: inDays(1), rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) await service().authenticate(key);
    const refused = service().authenticate(key);
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ extensions: { code: "RATE_LIMITED", retryAfter: 30 } });
    clock = new Date("2026-11-20T10:01:00Z"); // the next minute
    await expect(service().authenticate(key)).resolves.toBeDefined();
    expect(await db.prisma.rateLimitWindow.count()).toBe(1);
  });

  it("refuses to create a key without a name, already expired, or with a bad limit", async () => {
    await expect(service().create({ name: " ", areaCodes: [], expiresAt: inDays(1) })).rejects.toThrow("needs a name");
    await expect(service().create({ name: "x", areaCodes: [], expiresAt: inDays(-1) })).rejects.toThrow("in the future");
    await expect(service().create({ name: "x", areaCodes: [], expiresAt: inDays(1), rateLimitPerMinute: 0 })).rejects.toThrow("positive whole number");
    expect(await db.prisma.apiKey.count()).toBe(0);
  });
});
