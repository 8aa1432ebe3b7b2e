// The typed client example (examples/typed-client: GraphQL Code Generator's client preset over
// schema/api.graphql, with graphql-request) as its users run it: the built command against a running
// system prints each province's values, the same figures the stored data add up to. Codegen refuses an
// operation that asks for a field the API does not have, so a client cannot drift from the schema.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createDataValueService, importAreas, seedCatalogue } from "@vnge/indicators";
import { AreaScope, NATION_CODE, repoRoot } from "@vnge/shared";
import { type TestSystem, startTestSystem, tokenFor } from "../testkit";
import { OLD_AREAS } from "./reform-fixture";

const run = promisify(execFile);
const EXAMPLE = path.join(repoRoot, "examples", "typed-client");
const births = (code: string, sex: "MALE" | "FEMALE") => (Number(code) % 7) + (sex === "MALE" ? 3 : 1);
const communes = OLD_AREAS.filter((area) => area.level === "COMMUNE");
let system: TestSystem;

beforeAll(async () => {
  system = await startTestSystem({ seedDemo: false });
  await importAreas(system.db.prisma, OLD_AREAS);
  await seedCatalogue(system.db);
  const values = communes.flatMap((area) =>
    (["MALE", "FEMALE"] as const).map((sex) => ({ dataElementCode: "LIVE_BIRTHS", areaCode: area.code, period: "2024", sex, value: births(area.code, sex) })),
  );
  expect((await createDataValueService(system.db, new AreaScope(system.db, [NATION_CODE])).submit(values, { submittedBy: "test" })).conflicts).toEqual([]);
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
