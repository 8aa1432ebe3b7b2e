// The SDMX export's benchmark: the national area list, the shipped catalogue and years of commune values for the
// national indicators computable at commune level, then national pulls of every area through the gateway's
// /sdmx/data route (1, 5 and 10 years as SDMX-CSV, the 10 years as SDMX-JSON), each timed and with the memory of the
// process that runs the gateway sampled while the answer streams, to check that it does not grow with the answer.
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Catalogue, type DataElementDefinition, DEFAULT_CATALOGUE, type IndicatorDefinition, importAreas, seedCatalogue } from "@vnge/indicators";
import { type AreaRow, BASE_HIERARCHY, type Database, Role, loadAuthConfig, signToken } from "@vnge/shared";
import { startSystem } from "../system";
import { importValues } from "../values-import";
import { seededRandom } from "./indicators-bench";

export const LAST_YEAR = 2024;
/** The indicators a national pull asks for, at most. */
export const MAX_INDICATORS = 20;
export const SDMX_FLOW = `GENDER_EQUALITY_${BASE_HIERARCHY}`;
const SAMPLE_MS = 100;
const MEDIA = { csv: "application/vnd.sdmx.data+csv;version=2.0.0", json: "application/vnd.sdmx.data+json;version=2.0.0" } as const;
type Format = keyof typeof MEDIA;

export interface SdmxBenchOptions {
  db: Database;
  /** The area list (nation, provinces, districts, communes) of the 2025-03 version. */
  rows: readonly AreaRow[];
  /** Years of values loaded, ending with LAST_YEAR; the longest pull spans them all. */
  years?: number;
  /** Timed pulls per case (at least 2), after one untimed warm-up pull. */
  runs?: number;
  catalogue?: Catalogue;
  log?: (line: string) => void;
}

export interface MemoryFigures {
  /** Above the idle baseline taken just before the pull, in bytes. */
  peakRss: number;
  peakHeap: number;
  medianRss: number;
  medianHeap: number;
  samples: number;
}

export interface PullRun extends MemoryFigures {
  seconds: number;
  bytes: number;
  observations: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PullCase {
  label: string;
  format: Format;
  years: number;
  runs: PullRun[];
  observations: number;
  bytes: number;
  seconds: Spread;
  peakRss: Spread;
  peakHeap: Spread;
  medianRss: Spread;
  medianHeap: Spread;
}

export interface SdmxBenchResult {
  communes: number;
  indicators: string[];
  elements: number;
  values: number;
  loadSeconds: number;
  /** The process's memory at rest with the system up, after a collection when --expose-gc is on. */
  idle: { rss: number; heap: number };
  gcExposed: boolean;
  cases: PullCase[];
  /** Longest CSV pull over the 1-year one: the answer's growth and the peak memory's (above idle). */
  ratio: { years: number; bytes: number; peakRss: number; peakHeap: number };
}

/** National indicators whose every term is collected at communes in the 2025-03 version, in catalogue order. */
export function communeIndicators(catalogue: Catalogue): { indicators: IndicatorDefinition[]; elements: DataElementDefinition[] } {
  const elements = new Map(catalogue.dataElements.map((element) => [element.code, element]));
  const atCommune = (term: IndicatorDefinition["numerator"] | undefined) => !term || elements.get(term.element)?.collectionLevel === "COMMUNE";
  const indicators = catalogue.indicators
    .filter((indicator) => (indicator.owner ?? "VN") === "VN" && atCommune(indicator.numerator) && atCommune(indicator.denominator))
    .slice(0, MAX_INDICATORS);
  const used = new Set(indicators.flatMap((indicator) => [indicator.numerator.element, ...(indicator.denominator ? [indicator.denominator.element] : [])]));
  return { indicators, elements: catalogue.dataElements.filter((element) => used.has(element.code)) };
}

/**
 * One year of commune values as an import file, by sex where the element is; a numerator element stays within its
 * denominator's value so that every share is a plausible one.
 */
async function writeYear(
  file: string,
  communes: readonly string[],
  year: number,
  indicators: readonly IndicatorDefinition[],
  elements: readonly DataElementDefinition[],
) {
  const random = seededRandom(year);
  const byCode = new Map(elements.map((element) => [element.code, element]));
  const denominatorOf = new Map<string, string>();
  for (const { numerator, denominator } of indicators) {
    if (denominator && denominator.element !== numerator.element && !denominatorOf.has(numerator.element))
      denominatorOf.set(numerator.element, denominator.element);
  }
  const out = fs.createWriteStream(file);
  out.write("data_element,area_code,period,sex,value\n");
  let count = 0;
  for (const area of communes) {
    const values = new Map<string, number>();
    const figure = (code: string, sex: string): number => {
      const key = `${code}|${sex}`;
      const known = values.get(key);
      if (known !== undefined) return known;
      const base = denominatorOf.get(code);
      const value = base
        ? Math.floor(figure(base, byCode.get(base)!.disaggregatedBySex ? sex : "") * (0.2 + random() * 0.7))
        : Math.floor(20 + random() * 2_000);
      values.set(key, value);
      return value;
    };
    let text = "";
    for (const element of elements) {
      for (const sex of element.disaggregatedBySex ? ["MALE", "FEMALE"] : [""]) {
        text += `${element.code},${area},${year},${sex},${figure(element.code, sex)}\n`;
        count++;
      }
    }
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return count;
}

const median = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
const spread = (samples: readonly number[]): Spread => ({ median: median(samples), min: Math.min(...samples), max: Math.max(...samples) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const collect = (globalThis as { gc?: () => void }).gc;

/** The process at rest: collected (when gc is exposed), then the median of a few samples. */
async function idleMemory(): Promise<{ rss: number; heap: number }> {
  collect?.();
  collect?.();
  await sleep(200);
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < 5; i++) {
    const usage = process.memoryUsage();
    rss.push(usage.rss);
    heap.push(usage.heapUsed);
    await sleep(SAMPLE_MS);
  }
  return { rss: median(rss), heap: median(heap) };
}

/** Counts bytes and observations of an answer as it streams, keeping nothing of it. */
class AnswerCounter {
  bytes = 0;
  private newlines = 0;
  private arrays = 0;
  /** The last bytes of the previous chunk, for a pattern cut between two chunks. */
  private tail: number[] = [];

  constructor(private readonly format: Format) {}

  add(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.format === "csv") {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) this.newlines++;
      return;
    }
    // An SDMX-JSON observation is `"<period index>":[value, attributes]`: a digit, a quote, a colon, a bracket.
    // Nothing else in the message has a key ending with a digit before an array.
    const at = (i: number) => (i >= 0 ? chunk[i] : this.tail[this.tail.length + i]);
    for (let i = chunk.indexOf(0x5b); i !== -1; i = chunk.indexOf(0x5b, i + 1)) {
      const digit = at(i - 3);
      if (at(i - 1) === 0x3a && at(i - 2) === 0x22 && digit !== undefined && digit >= 0x30 && digit <= 0x39) this.arrays++;
    }
    this.tail = [...this.tail, ...chunk.subarray(Math.max(0, chunk.length - 3))].slice(-3);
  }

  /** CSV: every line but the header. */
  get observations(): number {
    return this.format === "csv" ? Math.max(0, this.newlines - 1) : this.arrays;
  }
}

interface Pull {
  label: string;
  format: Format;
  years: number;
}

export async function runSdmxBench(options: SdmxBenchOptions): Promise<SdmxBenchResult> {
  const log = options.log ?? (() => undefined);
  const years = options.years ?? 10;
  const runs = Math.max(2, options.runs ?? 2);
  const { db } = options;
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  const { indicators, elements } = communeIndicators(catalogue);
  if (indicators.length === 0) throw new Error("the catalogue has no national indicator computable at commune level");
  log(
    `${indicators.length} national indicators computable at commune level${indicators.length < MAX_INDICATORS ? ` (fewer than ${MAX_INDICATORS}: all of them)` : ""}, ` +
      `${elements.length} data elements: ${indicators.map((i) => i.code).join(", ")}`,
  );

  await importAreas(db, [...options.rows]);
  await seedCatalogue(db, catalogue);
  const communes = options.rows.filter((row) => row.level === "COMMUNE").map((row) => row.code);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vnge-sdmx-bench-"));
  let values = 0;
  const loadStarted = performance.now();
  try {
    // A file per year: the import writes a file in one transaction, and a year is enough for one.
    for (let year = LAST_YEAR - years + 1; year <= LAST_YEAR; year++) {
      const file = path.join(dir, `values-${year}.csv`);
      const count = await writeYear(file, communes, year, indicators, elements);
      const started = performance.now();
      const report = await importValues(db, file, { dryRun: false, submittedBy: "benchmark" });
      fs.rmSync(file);
      if (report.exitCode !== 0) throw new Error(report.lines.join("\n"));
      values += count;
      log(`${year}: ${count.toLocaleString("en")} values loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const config = loadAuthConfig();
  if (!config.secret) throw new Error("the benchmark signs its own token: set AUTH_JWT_SECRET");
  const token = await signToken(
    { subject: "benchmark", roles: [Role.ADMIN], areaCodes: ["VN"] },
    { secret: config.secret, issuer: config.issuer, audience: config.audience, expiresInSeconds: 6 * 3600 },
  );
  const key = `.${indicators.map((indicator) => indicator.code).join("+")}.`;
  const pulls: Pull[] = [...new Set([1, 5, years].filter((n) => n <= years))].map((n) => ({
    label: `${n} year${n > 1 ? "s" : ""}, CSV`,
    format: "csv",
    years: n,
  }));
  pulls.push({ label: `${years} year${years > 1 ? "s" : ""}, JSON`, format: "json", years });

  // The response cache off: every pull plans and runs its operations, as a first pull of new data would.
  const system = await startSystem({ db, ports: "random", responseCache: false });
  const cases: PullCase[] = [];
  let idle = { rss: 0, heap: 0 };
  try {
    const pull = async ({ format, years: span }: Pull): Promise<PullRun> => {
      const url = new URL(`/sdmx/data/${SDMX_FLOW}/${key}?startPeriod=${LAST_YEAR - span + 1}&endPeriod=${LAST_YEAR}`, system.gatewayUrl!);
      const before = await idleMemory();
      idle = before;
      const rss: number[] = [];
      const heap: number[] = [];
      const sample = () => {
        const usage = process.memoryUsage();
        rss.push(usage.rss - before.rss);
        heap.push(usage.heapUsed - before.heap);
      };
      const counter = new AnswerCounter(format);
      const timer = setInterval(sample, SAMPLE_MS);
      const started = performance.now();
      try {
        // Uncompressed, so that the bytes counted are the bytes the gateway wrote.
        const answer = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: MEDIA[format], "accept-encoding": "identity" } });
        if (answer.status !== 200 || !answer.body) throw new Error(`SDMX pull ${url.pathname}${url.search}: ${answer.status} ${await answer.text()}`);
        const reader = answer.body.getReader();
        for (let next = await reader.read(); !next.done; next = await reader.read()) counter.add(next.value);
      } finally {
        clearInterval(timer);
      }
      const seconds = (performance.now() - started) / 1000;
      sample();
      return {
        seconds,
        bytes: counter.bytes,
        observations: counter.observations,
        peakRss: Math.max(...rss),
        peakHeap: Math.max(...heap),
        medianRss: median(rss),
        medianHeap: median(heap),
        samples: rss.length,
      };
    };

    // Untimed: the gateway's first plans of the operations and the code's first compilation.
    await pull(pulls[0]);
    for (const spec of pulls) {
      const done: PullRun[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await pull(spec);
        done.push(run);
        log(
          `${spec.label}: ${run.seconds.toFixed(1)} s, ${run.observations.toLocaleString("en")} observations, ${mb(run.bytes)} MB; ` +
            `above idle: peak RSS ${mib(run.peakRss)} MiB, peak heap ${mib(run.peakHeap)} MiB (${run.samples} samples)`,
        );
      }
      const observations = done[0].observations;
      if (done.some((run) => run.observations !== observations)) throw new Error(`${spec.label}: the pulls gave different numbers of observations`);
      cases.push({
        ...spec,
        runs: done,
        observations,
        bytes: done[0].bytes,
        seconds: spread(done.map((run) => run.seconds)),
        peakRss: spread(done.map((run) => run.peakRss)),
        peakHeap: spread(done.map((run) => run.peakHeap)),
        medianRss: spread(done.map((run) => run.medianRss)),
        medianHeap: spread(done.map((run) => run.medianHeap)),
      });
    }
  } finally {
    await system.stop();
  }

  const csvCases = cases.filter((c) => c.format === "csv");
  const [shortest, longest] = [csvCases[0], csvCases.at(-1)!];
  const json = cases.find((c) => c.format === "json")!;
  if (json.observations !== longest.observations) throw new Error(`SDMX-JSON gave ${json.observations} observations, SDMX-CSV ${longest.observations}`);
  // A floor of 1 MiB keeps a near-zero 1-year peak from making the ratio meaningless.
  const over = (a: number, b: number) => Math.max(a, 2 ** 20) / Math.max(b, 2 ** 20);
  return {
    communes: communes.length,
    indicators: indicators.map((indicator) => indicator.code),
    elements: elements.length,
    values,
    loadSeconds,
    idle,
    gcExposed: collect !== undefined,
    cases,
    ratio: {
      years: longest.years / shortest.years,
      bytes: longest.bytes / shortest.bytes,
      peakRss: over(longest.peakRss.median, shortest.peakRss.median),
      peakHeap: over(longest.peakHeap.median, shortest.peakHeap.median),
    },
  };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const range = (s: Spread, format: (n: number) => string) => `${format(s.median)} (${format(s.min)}-${format(s.max)})`;

export function formatSdmxTable(result: SdmxBenchResult): string {
  const seconds = (n: number) => n.toFixed(1);
  const lines = [
    "| pull | observations | MB sent | seconds, median (min-max) | peak RSS above idle, MiB | peak heap above idle, MiB | median RSS / heap above idle, MiB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...result.cases.map(
      (c) =>
        `| ${c.label} | ${c.observations.toLocaleString("en")} | ${mb(c.bytes)} | ${range(c.seconds, seconds)} | ${range(c.peakRss, mib)} | ${range(c.peakHeap, mib)} | ${mib(c.medianRss.median)} / ${mib(c.medianHeap.median)} |`,
    ),
  ];
  return lines.join("\n");
}

export function formatSdmxRatio(result: SdmxBenchResult): string {
  const { ratio } = result;
  return (
    `${ratio.years} years over 1 year (CSV): answer x${ratio.bytes.toFixed(1)}, peak RSS above idle x${ratio.peakRss.toFixed(2)}, ` +
    `peak heap above idle x${ratio.peakHeap.toFixed(2)} (medians of the runs; idle RSS ${mib(result.idle.rss)} MiB, heap ${mib(result.idle.heap)} MiB` +
    `${result.gcExposed ? ", collected before each pull" : "; run node with --expose-gc for a collected baseline"})`
  );
}
