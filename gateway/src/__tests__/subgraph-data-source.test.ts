import { SubgraphDataSource } from "../subgraph-data-source";
import type { GatewayContext } from "../context";
import { rootLogger } from "@vnge/shared";

function send(context: Partial<GatewayContext> | undefined) {
  const source = new SubgraphDataSource({ url: "http://subgraph.invalid/graphql" });
  const headers = new Headers();
  source.willSendRequest({
    request: { query: "{ __typename }", http: { method: "POST", url: "http://subgraph.invalid/graphql", headers } },
    context: context as GatewayContext,
    kind: 0,
  } as never);
  return headers;
}

describe("SubgraphDataSource", () => {
  it("forwards the request id and the caller's credentials to the subgraph", () => {
    const headers = send({
      requestId: "req-1",
      logger: rootLogger,
      headers: { authorization: "Bearer abc", "x-api-key": "key-1", cookie: "session=secret", "x-forwarded-user": "admin" },
    });
    expect(headers.get("x-request-id")).toBe("req-1");
    expect(headers.get("authorization")).toBe("Bearer abc");
    expect(headers.get("x-api-key")).toBe("key-1");
    // Nothing else of the client's request travels on: identity is only ever taken from a verified credential.
    expect(headers.get("cookie")).toBeNull();
    expect(headers.get("x-forwarded-user")).toBeNull();
  });

  it("adds nothing to requests made without a client (health checks)", () => {
    const headers = send(undefined);
    expect([...headers.keys()]).toEqual([]);
  });
});
