// Writing the area tables: national unit lists, hierarchy versions with their reform mapping, and the
// crosswalk derived from it. The indicators subgraph owns these tables (docs/decisions/0002); the
// command-line tools and the tests reach them through here.
export * from "./unit-list";
export * from "./import";
export * from "./reform";
export * from "./crosswalk";
export * from "./hierarchy-import";
