// The suite's verdict on the targets of the read path and the gateway engine, judged on made-up figures
// (the smoke run in suite.postgres.test.ts measures no 10- or 50-connection rows, so it judges nothing).
import { formatReadTable, verdict } from "../report";
import { type IngestRow, type Layer, type MeasuredRow, type SuiteResult, medianRun } from "../suite";
import type { WorkloadName } from "../workloads";

const figures = { requests: 100, p50: 10, p99: 200, errors: 0, non2xx: 0, graphqlErrors: 0 };

function row(workload: WorkloadName, layer: Layer, connections: number, rps: number, p95: number, years = 5): MeasuredRow {
  return {
    ...figures,
    workload,
    layer,
    connections,
    years,
    rps,
    p95,
    gatewayRssMiB: null,
    subgraphsRssMiB: 400,
    runs: 1,
    spread: { rps: [rps, rps], p95: [p95, p95] },
  };
}

function ingestRow(layer: IngestRow["layer"], valuesPerSecond: number, p95: number): IngestRow {
  return {
    layer,
    connections: 10,
    read: { ...figures, rps: 50, p95 },
    values: valuesPerSecond * 6,
    seconds: 6,
    valuesPerSecond,
    gatewayRssMiB: null,
    subgraphsRssMiB: 400,
    runs: 1,
    spread: { rps: [valuesPerSecond, valuesPerSecond], p95: [p95, p95] },
  };
}

/** A run where every target is met; `change` alters it. */
function result(change: (rows: MeasuredRow[], ingest: IngestRow[]) => void = () => undefined): SuiteResult {
  const rows: MeasuredRow[] = [];
  for (const c of [1, 10, 50]) {
    for (const years of [5, 10]) {
      rows.push(row("dashboard", "subgraph", c, 120, 60, years));
      rows.push(row("dashboard", "Apollo Gateway", c, 110, 80, years));
      rows.push(row("dashboard", "Apollo Gateway, cached", c, 1500, 10, years));
      rows.push(row("dashboard", "Hive Gateway", c, 100, 90, years));
    }
    rows.push(row("dashboard", "bare SQL", c, 200, 20));
    rows[rows.length - 1].p50 = 2.5;
    rows.push(row("plan targets", "Apollo Gateway", c, 300, 30));
    rows.push(row("plan targets", "Apollo Gateway, cached", c, 900, 10));
    rows.push(row("plan targets", "Hive Gateway", c, 250, 40));
  }
  const ingest = [ingestRow("Apollo Gateway", 26_000, 95), ingestRow("Apollo Gateway, cached", 30_000, 60), ingestRow("Hive Gateway", 27_000, 400)];
  change(rows, ingest);
  return {
    areas: { provinces: 63, districts: 696, communes: 10_035, province: "01", provinceDistricts: 30 },
    load: { values: 1, seconds: 1, valuesPerSecond: 1, batchSize: 10_000, targets: 25, earlierValues: 1 },
    warmupSeconds: 2,
    durationSeconds: 6,
    repeat: 1,
    workloads: [],
    connectionLevels: [1, 10, 50],
    rows,
    ingest,
  };
}

const find = (rows: MeasuredRow[], workload: WorkloadName, layer: Layer, connections: number, years = 5) =>
  rows.find((r) => r.workload === workload && r.layer === layer && r.connections === connections && r.years === years)!;

it("says met for every target a run meets", () => {
  const lines = verdict(result());
  expect(lines).toHaveLength(6);
  for (const line of lines) expect(line).toMatch(/: met\.$/);
  expect(lines[0]).toContain("10 conn. 110.0 of 200.0 req/s (55%)");
  expect(lines[2]).toContain("behind on 0 of 20");
});

it("names each target a run misses", () => {
  const lines = verdict(
    result((rows, ingest) => {
      find(rows, "dashboard", "Apollo Gateway", 50).rps = 90; // under half of 200, and behind Hive's 100
      find(rows, "dashboard", "Apollo Gateway", 10).p95 = 140;
      find(rows, "plan targets", "Apollo Gateway, cached", 10).rps = 200; // behind Hive's 250
      find(rows, "dashboard", "subgraph", 10, 10).p95 = 80; // 60 -> 80 ms: +33%
      find(rows, "dashboard", "bare SQL", 1).p50 = 3.4;
      ingest[1].read.p95 = 120;
    }),
  );
  expect(lines.map((line) => line.endsWith("**not met**."))).toEqual([true, true, true, true, true, true]);
  expect(lines[2]).toContain(
    "behind on 2 of 20 (plan targets 5y Apollo Gateway, cached 10 conn. 200.0 vs Hive Gateway 250.0; dashboard 5y Apollo Gateway 50 conn. 90.0 vs Hive Gateway 100.0)",
  );
  expect(lines[4]).toContain("subgraph 10 conn. 33%");
  expect(lines[5]).toContain("3.4 ms");
});

it("counts a row with errors as behind, however fast", () => {
  const lines = verdict(
    result((rows) => {
      find(rows, "plan targets", "Apollo Gateway", 1).errors = 3;
    }),
  );
  expect(lines[2]).toContain("behind on 1 of 20 (plan targets 5y Apollo Gateway 1 conn. 300.0 vs Hive Gateway 250.0)");
});

it("takes the median run and the range of all runs, and prints the range", () => {
  const runs = [
    { rps: 40, p95: 300 },
    { rps: 55, p95: 210 },
    { rps: 50, p95: 260 },
  ];
  const { median, spread } = medianRun(
    runs,
    (run) => run.rps,
    (run) => run.p95,
  );
  expect(median).toEqual({ rps: 50, p95: 260 });
  expect(spread).toEqual({ rps: [40, 55], p95: [210, 300] });
  const measured = { ...row("dashboard", "subgraph", 10, 50, 260), runs: 3, spread };
  expect(formatReadTable([measured])).toContain("| dashboard | 5 | subgraph | 10 | 50.0 (40.0-55.0) | 10.0 ms | 260.0 ms (210.0-300.0) |");
});

it("judges ours against every peer runtime", () => {
  const lines = verdict(result((rows) => void rows.push(row("dashboard", "Hive Gateway, Rust planner", 10, 130, 70))));
  expect(lines[2]).toContain("behind on 1 of 22 (dashboard 5y Apollo Gateway 10 conn. 110.0 vs Hive Gateway, Rust planner 130.0)");
});
