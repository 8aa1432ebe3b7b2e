export * from "./disclosure-rule";
export * from "./figure-table";
export * from "./suppression";
