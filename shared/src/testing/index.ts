// Test helpers: scratch databases, in-process service contexts, the national lists and generated ones.
export * from "./test-database";
export * from "./service-context";
export * from "./national-data";
export * from "./national-suite";
export * from "./prerequisite-suite";
