// The suite's figures as Markdown tables and the performance targets judged on them.
import os from "node:os";
import { EARLIER_YEARS, GATEWAY_LAYERS, type IngestRow, type Layer, type MeasuredRow, type SuiteResult, YEARS } from "./suite";

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "-");
const mib = (value: number | null) => (value === null || !Number.isFinite(value) ? "-" : `${value.toFixed(0)} MiB`);
const errorsOf = (row: { errors: number; non2xx: number; graphqlErrors: number }) => row.errors + row.non2xx + row.graphqlErrors;

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.availableParallelism()} CPUs, ${cpu}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; ${os.platform()} ${os.release()}`;
}

export function formatReadTable(rows: readonly MeasuredRow[]): string {
  return [
    "| workload | years | layer | conn. | req/s | p50 | p95 | p99 | errors | gateway RSS | subgraphs RSS |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.years} | ${r.layer} | ${r.connections} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${errorsOf(r)} | ${mib(r.gatewayRssMiB)} | ${r.layer === "bare SQL" ? "-" : mib(r.subgraphsRssMiB)} |`,
    ),
  ].join("\n");
}

export function formatIngestTable(rows: readonly IngestRow[]): string {
  return [
    "| submissions and reads via | dashboard conn. | values/s | reads req/s | read p50 | read p95 | read p99 | read errors | gateway RSS | subgraphs RSS |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.layer} | ${r.connections} | ${Math.round(r.valuesPerSecond).toLocaleString("en")} | ${r.read.rps.toFixed(1)} | ${ms(r.read.p50)} | ${ms(r.read.p95)} | ${ms(r.read.p99)} | ${errorsOf(r.read)} | ${mib(r.gatewayRssMiB)} | ${mib(r.subgraphsRssMiB)} |`,
    ),
  ].join("\n");
}

export function formatReport(result: SuiteResult): string {
  const lines = [
    `Machine: ${machine()}.`,
    `Data: ${result.areas.provinces} provinces, ${result.areas.districts} districts, ${result.areas.communes} communes; ` +
      `${result.load.values.toLocaleString("en")} values (20 elements x 2 sexes x ${YEARS.length} years, ${YEARS[0]}-${YEARS[YEARS.length - 1]}) loaded at ` +
      `${Math.round(result.load.valuesPerSecond).toLocaleString("en")} values/s (batches of ${result.load.batchSize.toLocaleString("en")}, 2 in flight); ` +
      `${result.load.targets} plan targets in province ${result.areas.province}; then ${result.load.earlierValues.toLocaleString("en")} more values (${EARLIER_YEARS[0]}-${EARLIER_YEARS[EARLIER_YEARS.length - 1]}) for the 10-year rows.`,
    `Each row: ${result.warmupSeconds} s warm-up, ${result.durationSeconds} s measured. Subgraphs ${result.subgraphsInOwnProcess ? "in a process of their own" : "in the benchmark's process"}; each gateway in its own process.`,
    "",
    ...result.workloads.map((w) => `- ${w.name}: ${w.description}`),
    "",
    formatReadTable(result.rows),
    "",
    formatIngestTable(result.ingest),
  ];
  return lines.join("\n");
}

function find(rows: readonly MeasuredRow[], workload: string, layer: Layer, connections: number, years = YEARS.length): MeasuredRow | undefined {
  return rows.find((r) => r.workload === workload && r.layer === layer && r.connections === connections && r.years === years);
}

/** The performance targets, judged on a run's figures. */
export function verdict(result: SuiteResult): string[] {
  const met = (ok: boolean) => (ok ? "met" : "**missed**");
  const lines: string[] = [];
  for (const gateway of GATEWAY_LAYERS) {
    const g10 = find(result.rows, "dashboard", gateway, 10);
    const g50 = find(result.rows, "dashboard", gateway, 50);
    if (!g10 || !g50) continue;
    lines.push(`- ${gateway}: dashboard p95 <= 100 ms at 10 clients: ${ms(g10.p95)}: ${met(g10.p95 <= 100)}.`);
    lines.push(
      `- ${gateway}: dashboard >= 200 req/s at 50 clients, no errors: ${g50.rps.toFixed(1)} req/s, ${errorsOf(g50)} errors: ${met(g50.rps >= 200 && errorsOf(g50) === 0)}.`,
    );
    const overheads = result.connectionLevels.map((c) => {
      const via = find(result.rows, "dashboard", gateway, c)!;
      const direct = find(result.rows, "dashboard", "subgraph", c)!;
      return { c, overhead: via.p50 / direct.p50 - 1 };
    });
    lines.push(
      `- ${gateway}: added p50 latency over the subgraph <= 30%: ${overheads.map((o) => `${o.c} conn. ${(o.overhead * 100).toFixed(0)}%`).join(", ")}: ${met(overheads.every((o) => o.overhead <= 0.3))}.`,
    );
    lines.push(
      `- ${gateway}: RSS <= 300 MB in the 50-client dashboard run: ${mib(g50.gatewayRssMiB)}: ${met((g50.gatewayRssMiB ?? Infinity) * 2 ** 20 <= 300e6)}.`,
    );
    const g10Long = find(result.rows, "dashboard", gateway, 10, YEARS.length + EARLIER_YEARS.length);
    if (g10Long) {
      const growth = g10Long.p95 / g10.p95 - 1;
      lines.push(
        `- ${gateway}: twice the data moves the dashboard p95 (10 clients) by < 20%: ${ms(g10.p95)} -> ${ms(g10Long.p95)} (${(growth * 100).toFixed(0)}%): ${met(Math.abs(growth) < 0.2)}.`,
      );
    }
    const ingest = result.ingest.find((r) => r.layer === gateway);
    if (ingest) {
      lines.push(
        `- ${gateway}: ingest >= 25,000 values/s with dashboard p95 <= 250 ms: ${Math.round(ingest.valuesPerSecond).toLocaleString("en")} values/s, p95 ${ms(ingest.read.p95)}: ` +
          `${met(ingest.valuesPerSecond >= 25_000 && ingest.read.p95 <= 250)}.`,
      );
    }
  }
  return lines;
}
