import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "@vnge/shared";

export interface GatewayContext {
  requestId: string;
  headers: IncomingHttpHeaders;
  logger: Logger;
}
