import { Role, rootLogger } from "@vnge/shared";
import type { GatewayContext } from "../context";
import { SubgraphDataSource } from "../subgraph-data-source";

function send(context: GatewayContext | undefined) {
  const source = new SubgraphDataSource({ url: "http://subgraph.invalid/graphql" });
  const headers = new Headers();
  source.willSendRequest({
    request: { query: "{ __typename }", http: { method: "POST", url: "http://subgraph.invalid/graphql", headers } },
    context,
    kind: 0,
  } as never);
  return headers;
}

describe("SubgraphDataSource", () => {
  it("sends the request id and the verified credential, and nothing else of the client's request", () => {
    const headers = send({
      requestId: "req-1",
      logger: rootLogger,
      identity: { subject: "partner-app", roles: new Set([Role.PARTNER]), areaCodes: [], via: "internal" },
      subgraphAuthorization: "Bearer issued-by-gateway",
      headers: { "x-api-key": "key-1", cookie: "session=secret", "x-forwarded-user": "admin", "accept-language": "vi" },
    });
    expect(Object.fromEntries(headers.entries())).toEqual({
      "x-request-id": "req-1",
      authorization: "Bearer issued-by-gateway",
      "accept-language": "vi",
    });
  });

  it("adds nothing to requests made without a client", () => {
    expect([...send(undefined).keys()]).toEqual([]);
  });

  it.each([502, 503, 504])("tells the client a subgraph answered by its load balancer with %i is unavailable, a code it may retry", async (status) => {
    const source = new SubgraphDataSource({ url: "http://subgraph.invalid/graphql" });
    const error = await source.errorFromResponse(new Response("<html>no server is available</html>", { status }) as never);
    expect(error.extensions.code).toBe("SERVICE_UNAVAILABLE");
    expect(error.message).not.toMatch(/html|server is available/);
  });

  it("keeps Apollo's reading of other failures", async () => {
    const source = new SubgraphDataSource({ url: "http://subgraph.invalid/graphql" });
    const error = await source.errorFromResponse(new Response("{}", { status: 403, headers: { "content-type": "application/json" } }) as never);
    expect(error.extensions.code).toBe("FORBIDDEN");
  });
});
