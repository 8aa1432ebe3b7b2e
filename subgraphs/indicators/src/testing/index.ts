// Test helpers of the indicators subgraph: national-sized unit lists and reforms made up by the tests.
export * from "./generated-units";
