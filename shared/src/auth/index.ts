export * from "./roles";
export * from "./identity";
export * from "./auth-config";
export * from "./tokens";
export * from "./area-scope";
export * from "./auth-checker";
export * from "./denial-log";
export * from "./service-token";
