export * from "./service-metrics";
export * from "./operation-metrics";
export * from "./http-metrics";
