// A subgraph copy that dies while it answers, or a load balancer that has no copy up: the gateway tells the client
// SERVICE_UNAVAILABLE, a code it may retry (deploy/README.md), never an internal error. The subgraph here is a bare
// socket that misbehaves on cue.
import net from "node:net";
import { startGateway } from "@vnge/gateway";
import { type RunningServer, createTokenVerifier, loadAuthConfig } from "@vnge/shared";
import { authHeader, postGraphQL } from "../testkit";

type Misbehaviour = "cut mid-answer" | "balancer 502" | "balancer 503";
let misbehaviour: Misbehaviour = "cut mid-answer";

const subgraph = net.createServer((socket) => {
  socket.once("data", () => {
    if (misbehaviour === "cut mid-answer") {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 4000\r\n\r\n{"data":{"indicators":[{"code":"');
      setTimeout(() => socket.destroy(), 20);
      return;
    }
    const status = misbehaviour === "balancer 502" ? "502 Bad Gateway" : "503 Service Unavailable";
    const page = "<html><body><h1>No server is available to handle this request.</h1></body></html>";
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/html\r\ncontent-length: ${page.length}\r\nconnection: close\r\n\r\n${page}`);
  });
  socket.on("error", () => socket.destroy());
});

let gateway: RunningServer;
beforeAll(async () => {
  await new Promise<void>((resolve) => subgraph.listen(0, "127.0.0.1", resolve));
  const { port } = subgraph.address() as net.AddressInfo;
  gateway = await startGateway({
    verifyToken: createTokenVerifier(loadAuthConfig()),
    port: 0,
    subgraphUrls: { indicators: `http://127.0.0.1:${port}/graphql` },
    webAppDir: false,
  });
});
afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => subgraph.close(resolve));
});

it.each<Misbehaviour>(["cut mid-answer", "balancer 502", "balancer 503"])("answers SERVICE_UNAVAILABLE when the subgraph's answer is %s", async (what) => {
  misbehaviour = what;
  const { body } = await postGraphQL(gateway.url, "{ indicators { code } }", undefined, await authHeader());
  expect(body.errors?.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
  expect(JSON.stringify(body)).not.toMatch(/html|No server|other side closed|stack/);
});
