export * from "./gateway";
export * from "./supergraph";
export type { GatewayContext } from "./context";
