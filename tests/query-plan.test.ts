// The composed supergraph's query plans for targets: actual values come from the indicators subgraph and
// progress from the plans subgraph given those values (@requires), with no other path between the two.
import fs from "node:fs";
import { parse } from "graphql";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { type QueryPlan, QueryPlanner, prettyFormatQueryPlan } from "@apollo/query-planner";
import { SUPERGRAPH_PATH } from "@vnge/system";

const supergraph = Supergraph.build(fs.readFileSync(SUPERGRAPH_PATH, "utf8"));
const planner = new QueryPlanner(supergraph);
const plan = (query: string): QueryPlan => planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));

/** The services fetched, in plan order, each with the entity path it is flattened into. */
function fetches(queryPlan: QueryPlan): string[] {
  const steps: string[] = [];
  let path = "";
  for (const line of prettyFormatQueryPlan(queryPlan).split("\n")) {
    const flatten = /Flatten\(path: "([^"]+)"\)/.exec(line);
    if (flatten) path = flatten[1];
    const fetch = /Fetch\(service: "(\w+)"\)/.exec(line);
    if (fetch) {
      steps.push(path ? `${fetch[1]} @ ${path}` : fetch[1]);
      path = "";
    }
  }
  return steps;
}

describe("query plans for targets", () => {
  it("joins an area's targets to their actual values and then their progress", () => {
    const queryPlan = plan(`{ area(code: "62") { name targets(period: "2023") { targetValue actual { total male female } progress { status gap } } } }`);
    expect(fetches(queryPlan)).toEqual(["indicators", "plans @ area", "indicators @ area.targets.@", "plans @ area.targets.@"]);
    // The progress fetch is handed the actual values the indicators subgraph returned.
    expect(prettyFormatQueryPlan(queryPlan)).toMatch(
      /\.\.\. on Target \{\s+__typename\s+actual \{\s+total\s+male\s+female\s+approximate\s+\}\s+id\s+\}\s+\} =>\s+\{\s+\.\.\. on Target \{\s+progress/,
    );
    // One key, the id, in both subgraphs (decision 0091); the indicators subgraph is handed what the value is for.
    expect(prettyFormatQueryPlan(queryPlan)).toMatch(
      /\.\.\. on Target \{\s+__typename\s+id\s+indicatorCode\s+areaCode\s+assessedPeriod\s+areaHierarchy\s+\}\s+\} =>\s+\{\s+\.\.\. on Target \{\s+actual/,
    );
  });

  it("filters off-track targets after fetching every candidate's actual value as one list", () => {
    const queryPlan = plan(`{ targetsOffTrack(parentCode: "VN", level: PROVINCE, period: "2023") { targets { id progress { status } } } }`);
    expect(fetches(queryPlan)).toEqual([
      "plans",
      "indicators @ targetsOffTrack",
      "plans @ targetsOffTrack",
      "indicators @ targetsOffTrack.targets.@",
      "plans @ targetsOffTrack.targets.@",
    ]);
  });
});
