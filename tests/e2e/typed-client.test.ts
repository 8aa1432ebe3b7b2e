// The typed client example (examples/typed-client: GraphQL Code Generator's client preset over
// schema/api.graphql, with graphql-request) as its users run it: the built command against a running
// system prints each province's values, the same figures the stored data add up to. Codegen refuses an
// operation that asks for a field the API does not have, so a client cannot drift from the schema. Its
// manifest registered as trusted documents lets a partner key limited to them run the example and nothing else.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { importAreas, seedCatalogue } from "@vnge/indicators";
import { repoRoot } from "@vnge/shared";
import { TrustedDocuments } from "@vnge/gateway";
import { type TestSystem, authHeader, createPartnerKey, postGraphQL, startTestSystem, tokenFor } from "../testkit";
import { OLD_AREAS, submitLiveBirths } from "./reform-fixture";

const run = promisify(execFile);
const EXAMPLE = path.join(repoRoot, "examples", "typed-client");
const births = (code: string, sex: "MALE" | "FEMALE") => (Number(code) % 7) + (sex === "MALE" ? 3 : 1);
const communes = OLD_AREAS.filter((area) => area.level === "COMMUNE");
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ seedDemo: false });
  await importAreas(system.db, OLD_AREAS);
  await seedCatalogue(system.db);
  expect(await submitLiveBirths(system.db, births)).toEqual([]);
}, 120_000);
afterAll(() => system?.close());

test("the built example prints each province's values, as the stored data add up", async () => {
  const { stdout } = await run(process.execPath, [path.join(EXAMPLE, "dist", "index.js"), system.gatewayUrl!, "LIVE_BIRTHS", "2024", "VN", "2025-03"], {
    env: { ...process.env, API_TOKEN: await tokenFor() },
  });
  const printed = stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const sum = (province: string, sex: "MALE" | "FEMALE") =>
    communes.filter((c) => c.provinceCode === province).reduce((total, c) => total + births(c.code, sex), 0);
  const expected = ["02", "08", "10"].map((code) => ({ area: code, male: sum(code, "MALE"), female: sum(code, "FEMALE") }));
  expect(printed.map(({ area, male, female }) => ({ area, male, female })).sort((a, b) => a.area.localeCompare(b.area))).toEqual(expected);
  for (const line of printed) expect(line.total).toBe(line.male + line.female);
  // Largest gap between the sexes first, as the example promises.
  const gaps = printed.map((line) => Math.abs(line.male - line.female));
  expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
});

test("the example refuses bad input with its usage line", async () => {
  await expect(run(process.execPath, [path.join(EXAMPLE, "dist", "index.js")])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage:") });
});

test("codegen refuses an operation naming a field the API does not have", async () => {
  const codegen = path.join(repoRoot, "node_modules", ".bin", "graphql-codegen");
  const generateWith = async (field: string) => {
    // Inside the example, so codegen finds its preset among the installed packages.
    const dir = fs.mkdtempSync(path.join(EXAMPLE, ".codegen-check-"));
    try {
      fs.writeFileSync(path.join(dir, "operation.graphql"), `query Check { indicators { code ${field} } }\n`);
      const config = { schema: path.join(repoRoot, "schema", "api.graphql"), documents: "operation.graphql", generates: { "gql/": { preset: "client" } } };
      fs.writeFileSync(path.join(dir, "codegen.json"), JSON.stringify(config));
      // Codegen prints its validation errors only outside a test environment.
      await run(codegen, ["--config", "codegen.json"], { cwd: dir, env: { ...process.env, NODE_ENV: "development" } });
      return fs.readFileSync(path.join(dir, "gql", "graphql.ts"), "utf8");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  expect(await generateWith("name")).toContain("CheckQuery");
  const refusal = await generateWith("nameInKlingon").then(
    () => "",
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
  );
  expect(refusal).toContain('Cannot query field "nameInKlingon" on type "Indicator"');
});

describe("trusted documents", () => {
  const manifestFile = path.join(EXAMPLE, "src", "gql", "persisted-documents.json");
  const manifest = () => JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Record<string, string>;
  const UNREGISTERED = `{ indicators { code } }`;
  let trustedKey: string;

  beforeAll(async () => {
    trustedKey = await createPartnerKey(system, {
      name: "Registered operations only",
      areaCodes: ["VN"],
      rateLimitPerMinute: 1000,
      trustedDocumentsOnly: true,
    });
  });

  test("a manifest with a wrong hash or a broken document is refused whole", async () => {
    const trusted = new TrustedDocuments(system.db);
    const [[hash, document]] = Object.entries(manifest());
    await expect(trusted.register("broken", { [hash]: document, [`sha256:${"0".repeat(64)}`]: document })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining("not the SHA-256 of its document"),
    });
    await expect(trusted.register("broken", { [hash]: `${document} {` })).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(await trusted.list()).toEqual([]);
  });

  test("the example's manifest registers once; again, nothing changes", async () => {
    const trusted = new TrustedDocuments(system.db);
    const count = Object.keys(manifest()).length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(await trusted.register("typed-client", manifest())).toEqual({ registered: count, unchanged: 0 });
    expect(await trusted.register("typed-client", manifest())).toEqual({ registered: 0, unchanged: count });
    expect(await trusted.list()).toEqual([{ clientName: "typed-client", count }]);
  });

  test("a key limited to trusted documents runs the registered example", async () => {
    const { stdout } = await run(process.execPath, [path.join(EXAMPLE, "dist", "index.js"), system.gatewayUrl!, "LIVE_BIRTHS", "2024", "VN", "2025-03"], {
      env: { ...process.env, API_TOKEN: "", API_KEY: trustedKey },
    });
    const printed = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(printed.map((line) => line.area).sort()).toEqual(["02", "08", "10"]);
  });

  test("the same key gets 403 PERSISTED_QUERY_NOT_IN_LIST for anything else, cached or not", async () => {
    // An administrator's answer to the same query is in the response cache: the key must not get it either.
    expect((await postGraphQL(system.gatewayUrl!, UNREGISTERED, undefined, await authHeader())).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await postGraphQL(system.gatewayUrl!, UNREGISTERED, undefined, { "x-api-key": trustedKey });
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
      expect(refused.body.data).toBeUndefined();
    }
    const otherKey = await createPartnerKey(system, { name: "Any operation", areaCodes: ["VN"], rateLimitPerMinute: 1000 });
    expect((await postGraphQL(system.gatewayUrl!, UNREGISTERED, undefined, { "x-api-key": otherKey })).status).toBe(200);
  });

  test("a registered operation is answered from its hash alone, on a gateway that never saw its text", async () => {
    const [[key]] = Object.entries(manifest()).filter(([, document]) => document.startsWith("query ProvinceValues"));
    const response = await fetch(system.gatewayUrl!, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": trustedKey },
      body: JSON.stringify({
        variables: { indicator: "LIVE_BIRTHS", period: "2024", parent: "VN", hierarchy: "2025-03" },
        extensions: { persistedQuery: { version: 1, sha256Hash: key.replace(/^sha256:/, "") } },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { rollup: { area: { code: string } }[] } };
    expect(body.data.rollup.map((value) => value.area.code).sort()).toEqual(["02", "08", "10"]);
  });
});
