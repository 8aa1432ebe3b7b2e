// What `npm run plans:import` does, apart from argument parsing: finds the plan (by issuing area and
// document number) or creates it, then imports the target table into it as an operator (no area scope).
import fs from "node:fs";
import type { Database } from "@vnge/shared";
import { type ImportResult, PlanService } from "@vnge/plans";

export interface PlanImportOptions {
  file: string;
  areaCode: string;
  documentNumber: string;
  /** Needed only when the plan does not exist yet. */
  create?: { title: string; type: "YEARLY" | "FIVE_YEAR" | "STRATEGY"; startYear: number; endYear: number; documentDate?: string };
  dryRun?: boolean;
}

export async function importPlanFile(db: Database, options: PlanImportOptions): Promise<ImportResult> {
  const csv = fs.readFileSync(options.file, "utf8");
  let plan = await db.prisma.plan.findUnique({ where: { areaCode_documentNumber: { areaCode: options.areaCode, documentNumber: options.documentNumber } } });
  if (!plan) {
    if (!options.create) throw new Error(`area ${options.areaCode} has no plan numbered "${options.documentNumber}"; give --title, --type, --start and --end to create it`);
    plan = await db.prisma.plan.create({
      data: {
        areaCode: options.areaCode,
        documentNumber: options.documentNumber,
        title: options.create.title,
        type: options.create.type,
        startYear: options.create.startYear,
        endYear: options.create.endYear,
        documentDate: options.create.documentDate ? new Date(`${options.create.documentDate}T00:00:00Z`) : null,
      },
    });
  }
  return new PlanService(db).importTargets(plan.id, csv, { scope: null, dryRun: options.dryRun });
}

/** The import report as lines for a terminal. */
export function describeImport(result: ImportResult): string[] {
  const lines = [
    `${result.dryRun ? "would import" : "imported"} ${result.targets.length} targets from ${result.rows} rows into "${result.plan.title}" (${result.plan.documentNumber ?? result.plan.id})`,
  ];
  for (const problem of result.problems) lines.push(`  line ${problem.line} not imported${problem.column ? ` (${problem.column})` : ""}: ${problem.message} [${problem.indicator.slice(0, 60)}]`);
  for (const warning of result.warnings) lines.push(`  line ${warning.line} note${warning.column ? ` (${warning.column})` : ""}: ${warning.message}`);
  return lines;
}
