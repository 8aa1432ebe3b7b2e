// What `npm run plans:import` does, apart from argument parsing: finds the plan (by issuing area and
// document number) or creates it, optionally defines local indicators for the rows that name none, then imports
// the target table into it as an operator (no area scope). A dry run writes nothing at all.
import fs from "node:fs";
import { AreaDirectory, type AreaLevel, type Database } from "@vnge/shared";
import { type CatalogueImportSummary, importCatalogue } from "@vnge/indicators";
import { type ImportResult, PlanService, PlanStore, catalogueOf, readCatalogue, uncodedRows } from "@vnge/plans";
import { defineRows } from "./plan-definitions";

export interface PlanImportOptions {
  file: string;
  areaCode: string;
  documentNumber: string;
  /** Needed only when the plan does not exist yet. */
  create?: { title: string; type: "YEARLY" | "FIVE_YEAR" | "STRATEGY"; startYear: number; endYear: number; documentDate?: string };
  dryRun?: boolean;
  /** Define a local indicator of the plan's area for each row without indicator_code, collected at this level. */
  defineMissing?: { level: AreaLevel };
  /** Define an agency of the plan's area for each agency name that matches none. */
  defineAgencies?: boolean;
}

export interface PlanImportResult extends ImportResult {
  /** What --define-missing defined (or would define, in a dry run). */
  defined: CatalogueImportSummary | null;
}

export class PlanImportError extends Error {}

export async function importPlanFile(db: Database, options: PlanImportOptions): Promise<PlanImportResult> {
  const csv = fs.readFileSync(options.file, "utf8");
  const areas = new AreaDirectory(db);
  const versions = (await areas.hierarchy.versionsOf([options.areaCode])).get(options.areaCode) ?? [];
  if (versions.length === 0) throw new PlanImportError(`unknown area "${options.areaCode}": not an area of any hierarchy version`);
  const plans = new PlanStore(db);
  const plan = await plans.findByNumber(options.areaCode, options.documentNumber);
  if (!plan && !options.create)
    throw new PlanImportError(
      `area ${options.areaCode} has no plan numbered "${options.documentNumber}"; give --title, --type, --start and --end to create it`,
    );

  let defined: CatalogueImportSummary | null = null;
  let definedCodes = new Map<number, string>();
  let service = new PlanService(db, areas);
  if (options.defineMissing) {
    const definitions = defineRows(uncodedRows(csv), options.areaCode, options.defineMissing.level);
    definedCodes = definitions.codes;
    const file = { format: "vnge-catalogue", version: 1, dataElements: definitions.dataElements, indicators: definitions.indicators, dataSets: [] };
    defined = await importCatalogue(db, JSON.stringify(file), { dryRun: options.dryRun, changedBy: "plans:import" });
    // in a dry run the definitions are not stored: targets are checked against them as they would be
    if (options.dryRun) service = new PlanService(db, areas, async () => new Map([...(await readCatalogue(db)), ...catalogueOf(definitions)]));
  }
  const agencies = { defineAgencies: options.defineAgencies };
  if (plan) return { ...(await service.importTargets(plan.id, csv, { scope: null, dryRun: options.dryRun, definedCodes, ...agencies })), defined };
  const data = {
    areaCode: options.areaCode,
    documentNumber: options.documentNumber,
    title: options.create!.title,
    titleEn: null,
    type: options.create!.type,
    status: "DRAFT" as const,
    startYear: options.create!.startYear,
    endYear: options.create!.endYear,
    documentDate: options.create!.documentDate ? new Date(`${options.create!.documentDate}T00:00:00Z`) : null,
  };
  if (options.dryRun) return { ...(await service.previewImport(data, csv, { definedCodes, ...agencies })), defined };
  const created = await plans.create(data);
  return { ...(await service.importTargets(created.id, csv, { scope: null, definedCodes, ...agencies })), defined };
}

/** The import report as lines for a terminal. */
export function describeImport(result: PlanImportResult): string[] {
  const lines: string[] = [];
  if (result.defined) {
    const d = result.defined;
    lines.push(`${result.dryRun ? "would define" : "defined"} ${d.created.length} local definitions (${d.unchanged} already defined)`);
    for (const code of d.created) lines.push(`  ${result.dryRun ? "would define" : "defined"} ${code}`);
  }
  lines.push(
    `${result.dryRun ? "would import" : "imported"} ${result.targets.length} targets from ${result.rows} rows into "${result.plan.title}" (${result.plan.documentNumber ?? result.plan.id})`,
  );
  for (const problem of result.problems)
    lines.push(`  line ${problem.line} not imported${problem.column ? ` (${problem.column})` : ""}: ${problem.message} [${problem.indicator.slice(0, 60)}]`);
  for (const warning of result.warnings) lines.push(`  line ${warning.line} note${warning.column ? ` (${warning.column})` : ""}: ${warning.message}`);
  if (result.definedAgencies.length > 0)
    lines.push(`${result.dryRun ? "would define" : "defined"} ${result.definedAgencies.length} agencies: ${result.definedAgencies.join(", ")}`);
  return lines;
}
