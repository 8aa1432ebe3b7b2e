// The yearly report's benchmark: the national area list, the shipped catalogue, two years of commune and province
// figures for the Strategy's indicators and a national 5-year plan with a target per indicator; then the national
// report and one province's, as JSON, workbook and document, through the gateway, timed end to end (query + render).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importAreas, readUnitListFile, seedCatalogue } from "@vnge/indicators";
import { type Database, Role, loadAuthConfig, signToken } from "@vnge/shared";
import { startSystem } from "../system";
import { importValues } from "../values-import";
import { seededRandom } from "./indicators-bench";

export const REPORT_YEAR = 2024;

export interface ReportBenchOptions {
  db: Database;
  areasFile: string;
  /** Timed downloads per report and format, after one warm-up. */
  runs?: number;
  log?: (line: string) => void;
}

export interface ReportTiming {
  /** Whether the gateway's response cache was on (it answers the report's operations again while no data change). */
  cached: boolean;
  area: string;
  format: "json" | "xlsx" | "docx";
  /** The first download: nothing of it cached. */
  firstMs: number;
  /** The later downloads (the response cache may answer the report's operations). */
  medianMs: number;
  minMs: number;
  maxMs: number;
  bytes: number;
  runs: number;
}

export interface ReportBenchResult {
  areas: { provinces: number; communes: number };
  values: number;
  targets: number;
  timings: ReportTiming[];
  peakRssMiB: number;
}

/** Counts at communes (each sexed element by sex) and at provinces, with numerators within their denominators. */
function valuesCsv(rows: ReturnType<typeof readUnitListFile>, years: readonly number[]): { csv: string; count: number } {
  const random = seededRandom(2024);
  const n = (low: number, high: number) => Math.floor(low + random() * (high - low));
  const lines = ["data_element,area_code,period,sex,value"];
  const communes = rows.filter((r) => r.level === "COMMUNE").map((r) => r.code);
  const provinces = rows.filter((r) => r.level === "PROVINCE").map((r) => r.code);
  const add = (element: string, area: string, year: number, sex: string, value: number) => lines.push(`${element},${area},${year},${sex},${value}`);
  for (const year of years) {
    for (const area of communes) {
      for (const sex of ["MALE", "FEMALE"]) {
        add("LIVE_BIRTHS", area, year, sex, n(40, 120));
        const rural = n(800, 3000);
        add("RURAL_WORKERS", area, year, sex, rural);
        add("RURAL_WORKERS_TRAINED", area, year, sex, Math.floor(rural * (0.3 + random() * 0.4)));
      }
      add("MATERNAL_DEATHS", area, year, "", random() < 0.02 ? 1 : 0);
      const conventions = n(3, 12);
      add("COMMUNITY_CONVENTIONS", area, year, "", conventions);
      add("COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY", area, year, "", n(0, conventions + 1));
    }
    for (const area of provinces) {
      for (const sex of ["MALE", "FEMALE"]) {
        const employed = n(200_000, 900_000);
        add("EMPLOYED_PERSONS", area, year, sex, employed);
        add("WAGE_WORKERS", area, year, sex, Math.floor(employed * (0.3 + random() * 0.3)));
        add("AGRICULTURE_WORKERS", area, year, sex, Math.floor(employed * (0.2 + random() * 0.3)));
      }
      const enterprises = n(2_000, 20_000);
      add("ENTERPRISES", area, year, "", enterprises);
      add("ENTERPRISES_WOMAN_LED", area, year, "", Math.floor(enterprises * (0.2 + random() * 0.1)));
      const agencies = n(40, 120);
      add("AGENCIES", area, year, "", agencies);
      add("AGENCIES_WITH_WOMAN_KEY_LEADER", area, year, "", Math.floor(agencies * (0.4 + random() * 0.4)));
    }
  }
  return { csv: `${lines.join("\n")}\n`, count: lines.length - 1 };
}

const NATIONAL_TARGETS: [indicator: string, comparison: string, value: number][] = [
  ["SEX_RATIO_AT_BIRTH", "AT_MOST", 111],
  ["MATERNAL_MORTALITY_RATIO", "AT_MOST", 42],
  ["WOMEN_WAGE_WORKERS_SHARE", "AT_LEAST", 50],
  ["WOMEN_AGRICULTURE_SHARE", "AT_MOST", 30],
  ["ENTERPRISES_WOMAN_LED_SHARE", "AT_LEAST", 27],
  ["AGENCIES_WITH_WOMAN_KEY_LEADER_SHARE", "AT_LEAST", 60],
  ["RURAL_WOMEN_TRAINED_SHARE", "AT_LEAST", 50],
  ["COMMUNITY_CONVENTIONS_NON_DISCRIMINATORY_SHARE", "AT_LEAST", 95],
  ["GBV_VICTIMS_SUPPORTED_SHARE", "AT_LEAST", 80],
];

const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

export async function runReportBench(options: ReportBenchOptions): Promise<ReportBenchResult> {
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? 5;
  const { db } = options;
  const rows = readUnitListFile(options.areasFile);
  await importAreas(db, rows);
  await seedCatalogue(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-report-bench-"));
  let values: number;
  try {
    const { csv, count } = valuesCsv(rows, [REPORT_YEAR - 1, REPORT_YEAR]);
    const file = path.join(dir, "values.csv");
    fs.writeFileSync(file, csv);
    const started = performance.now();
    const report = await importValues(db, file, { dryRun: false, submittedBy: "benchmark" });
    if (report.exitCode !== 0) throw new Error(report.lines.join("\n"));
    values = count;
    log(`loaded ${count.toLocaleString("en")} values in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const config = loadAuthConfig();
  if (!config.secret) throw new Error("the benchmark signs its own token: set AUTH_JWT_SECRET");
  const token = await signToken(
    { subject: "benchmark", roles: [Role.ADMIN], areaCodes: ["VN"] },
    { secret: config.secret, issuer: config.issuer, audience: config.audience, expiresInSeconds: 3600 },
  );
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  let peakRss = process.memoryUsage().rss;
  let targets = 0;
  const timings: ReportTiming[] = [];
  for (const cached of [false, true]) {
    const system = await startSystem({ db, ports: "random", responseCache: cached });
    try {
      if (!cached) targets = await createNationalPlan(system.gatewayUrl!, headers);
      const province = rows.find((r) => r.level === "PROVINCE")!.code;
      for (const area of ["VN", province]) {
        for (const format of ["json", "xlsx", "docx"] as const) {
          const samples: number[] = [];
          let bytes = 0;
          for (let i = 0; i <= runs; i++) {
            const started = performance.now();
            const answer = await fetch(new URL(`/reports/yearly?area=${area}&year=${REPORT_YEAR}&format=${format}`, system.gatewayUrl!), { headers });
            const body = Buffer.from(await answer.arrayBuffer());
            if (answer.status !== 200) throw new Error(`report ${area} ${format}: ${answer.status} ${body.toString()}`);
            samples.push(performance.now() - started);
            bytes = body.length;
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
          }
          const [first, ...later] = samples;
          const timing = { cached, area, format, firstMs: first, medianMs: median(later), minMs: Math.min(...later), maxMs: Math.max(...later), bytes, runs };
          log(
            `${cached ? "cache on " : "cache off"} ${area} ${format}: first ${first.toFixed(0)} ms, then median ${timing.medianMs.toFixed(0)} ms (${timing.minMs.toFixed(0)}-${timing.maxMs.toFixed(0)}), ${bytes} bytes`,
          );
          timings.push(timing);
        }
      }
    } finally {
      await system.stop();
    }
  }
  return {
    areas: { provinces: rows.filter((r) => r.level === "PROVINCE").length, communes: rows.filter((r) => r.level === "COMMUNE").length },
    values,
    targets,
    timings,
    peakRssMiB: peakRss / 2 ** 20,
  };
}

/** A national 5-year plan with one 2025 target per Strategy indicator the data set feeds; its number of targets. */
async function createNationalPlan(gatewayUrl: string, headers: Record<string, string>): Promise<number> {
  const created = await fetch(new URL("/graphql", gatewayUrl), {
    method: "POST",
    headers,
    body: JSON.stringify({
      query: `mutation ($input: CreatePlanInput!) { createPlan(input: $input) { targets { id } } }`,
      variables: {
        input: {
          areaCode: "VN",
          title: "Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025 (benchmark)",
          type: "FIVE_YEAR",
          startYear: 2021,
          endYear: 2025,
          targets: NATIONAL_TARGETS.map(([indicatorCode, comparison, targetValue]) => ({ indicatorCode, period: "2025", comparison, targetValue })),
        },
      },
    }),
  });
  const plan = (await created.json()) as { data?: { createPlan: { targets: unknown[] } }; errors?: { message: string }[] };
  if (!plan.data) throw new Error(`the benchmark's plan was refused: ${plan.errors?.map((e) => e.message).join("; ")}`);
  return plan.data.createPlan.targets.length;
}

export function formatReportTable(result: ReportBenchResult): string {
  const lines = [
    "| response cache | report | format | first (ms) | median of later (ms) | min-max (ms) | size |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ...result.timings.map(
      (t) =>
        `| ${t.cached ? "on" : "off"} | ${t.area === "VN" ? "national" : `province ${t.area}`} | ${t.format} | ${t.firstMs.toFixed(0)} | ${t.medianMs.toFixed(0)} | ${t.minMs.toFixed(0)}-${t.maxMs.toFixed(0)} | ${(t.bytes / 1024).toFixed(0)} KiB |`,
    ),
  ];
  return lines.join("\n");
}
