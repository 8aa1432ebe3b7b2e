export * from "./system";
export * from "./modules";
export * from "./schema-files";
export * from "./cases-resync";
