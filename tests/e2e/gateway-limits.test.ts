// Operations the gateway refuses before it plans them answer 400 with a specific code and a message
// that names the limit, and no error message hints at names in the schema.
import { getIntrospectionQuery } from "graphql";
import { type TestSystem, authHeader, postGraphQL, startTestSystem } from "../testkit";

let system: TestSystem;
let headers: Record<string, string>;
beforeAll(async () => {
  system = await startTestSystem({ seedDemo: false });
  headers = await authHeader();
});
afterAll(() => system?.close());

const ask = (query: string, variables?: Record<string, unknown>) => postGraphQL(system.gatewayUrl!, query, variables, headers);

const INDICATORS = Array.from({ length: 18 }, (_, i) => `"INDICATOR_${i}"`).join(", ");

describe("the list-aware cost limit", () => {
  it("answers the standard introspection query that schema tools and explorers send", async () => {
    const { status, body } = await ask(getIntrospectionQuery());
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data?.__schema as { types: unknown[] } | undefined)?.types.length).toBeGreaterThan(50);
  });

  it("refuses 30 aliases of every commune's grandchildren before execution", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: areas(level: COMMUNE) { children { children { parent { code } } } }`).join(" ");
    const started = Date.now();
    const { status, body } = await ask(`{ ${aliases} }`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe("OPERATION_TOO_COSTLY");
    expect(body.errors?.[0].message).toMatch(/more than the limit of 300,000/);
  });

  it("refuses 18 indicators by 3 periods for every commune, the lists passed inline or as variables", async () => {
    const inline = await ask(
      `{ areas(level: COMMUNE) { code indicatorValues(indicatorCodes: [${INDICATORS}], periods: ["2022", "2023", "2024"]) { total } } }`,
    );
    expect(inline.status).toBe(400);
    expect(inline.body.errors?.[0].extensions?.code).toBe("OPERATION_TOO_COSTLY");
    const codes = Array.from({ length: 18 }, (_, i) => `INDICATOR_${i}`);
    const query = `query ($codes: [ID!]!, $periods: [String!]!) { areas(level: COMMUNE) { code indicatorValues(indicatorCodes: $codes, periods: $periods) { total } } }`;
    const viaVariables = await ask(query, { codes, periods: ["2022", "2023", "2024"] });
    expect(viaVariables.body.errors?.[0].extensions?.code).toBe("OPERATION_TOO_COSTLY");
    // the same question for one province's communes is within the limit
    const narrower = await ask(query.replace("areas(level: COMMUNE)", `areas(level: COMMUNE, within: "38")`), { codes: codes.slice(0, 3), periods: ["2024"] });
    expect(narrower.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain("OPERATION_TOO_COSTLY");
    expect(narrower.status).toBe(200);
  });
});

describe("fragments", () => {
  it("refuses fragments spread into each other ten thousand times over", async () => {
    const ten = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(" ");
    const query = `query { area(code: "VN") { ...E } }
      fragment A on Area { code } fragment B on Area { ${ten("A")} } fragment C on Area { ${ten("B")} }
      fragment D on Area { ${ten("C")} } fragment E on Area { ${ten("D")} }`;
    const { status, body } = await ask(query);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe("OPERATION_TOO_COSTLY");
    expect(body.errors?.[0].message).toMatch(/too many fields to evaluate/);
  });
});

describe("client mistakes answer 400 with the reason", () => {
  it("refuses a number literal beyond double precision", async () => {
    const { status, body } = await ask(
      `mutation { submitDataValues(input: { values: [{ dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: MALE, value: 1e309 }] }) { imported } }`,
    );
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors?.[0].message).toMatch(/1e309 is out of range/);
  });

  it("refuses a number beyond double precision in the variables", async () => {
    // JSON reads 1e309 as Infinity; a JSON serialiser cannot write it, so the number is put in by hand
    const mutation = `mutation ($v: Float!) { submitDataValues(input: { values: [{ dataElementCode: "LIVE_BIRTHS", areaCode: "14845", period: "2024", sex: MALE, value: $v }] }) { imported } }`;
    const response = await fetch(system.gatewayUrl!, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: mutation, variables: { v: 0 } }).replace(`"v":0`, `"v":1e309`),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0].message).toMatch(/Float cannot represent non numeric value: Infinity/);
  });

  it("refuses a document over the token limit", async () => {
    const fields = Array.from({ length: 4100 }, () => "code").join(" ");
    const { status, body } = await ask(`{ area(code: "VN") { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(body.errors?.[0].message).toMatch(/Document contains more \w+ 4000 tokens/);
  });
});

describe("no suggestions in errors", () => {
  it("hides enum values suggested for a mistyped literal or variable, and field names", async () => {
    const literal = await ask(`{ areas(level: PROVINC) { code } }`);
    const variable = await ask(`query ($level: AreaLevel!) { areas(level: $level) { code } }`, { level: "PROVINC" });
    const field = await ask(`{ areas(level: PROVINCE) { cod } }`);
    for (const { status, body } of [literal, variable, field]) {
      expect(status).toBe(400);
      expect(body.errors?.[0].message).not.toMatch(/Did you mean|PROVINCE"|"code"|Suggestion/);
    }
    expect(literal.body.errors?.[0].message).toBe(`Value "PROVINC" does not exist in "AreaLevel" enum.`);
    expect(field.body.errors?.[0].message).toBe(`Cannot query field "cod" on type "Area".`);
  });
});
