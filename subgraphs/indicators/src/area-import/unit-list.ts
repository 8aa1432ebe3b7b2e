// Reads the national list of administrative units (the GSO list as published in JSON:
// provinces with `District`, districts with `Ward`) into flat area rows, checking every record.
import fs from "node:fs";
import { type AreaLevelName, type AreaRow, NATION_CODE, isValidCode } from "@vnge/shared";

export type { AreaRow };

export const NATION_ROW: AreaRow = {
  code: NATION_CODE,
  level: "NATION",
  name: "Việt Nam",
  nameEn: "Viet Nam",
  fullName: "Nước Cộng hòa xã hội chủ nghĩa Việt Nam",
  fullNameEn: "Socialist Republic of Viet Nam",
  parentCode: null,
  provinceCode: null,
  districtCode: null,
};

export class UnitListError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The unit list is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was imported:\n` +
        problems
          .slice(0, 20)
          .map((p) => `  - ${p}`)
          .join("\n") +
        (problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ""),
    );
    this.name = "UnitListError";
  }
}

type Json = Record<string, unknown>;

const CHILD_KEY: Partial<Record<AreaLevelName, string>> = { PROVINCE: "District", DISTRICT: "Ward" };
const CHILD_LEVEL: Partial<Record<AreaLevelName, AreaLevelName>> = { PROVINCE: "DISTRICT", DISTRICT: "COMMUNE" };

/**
 * Turns the parsed file into rows (nation first, parents before children).
 * Throws UnitListError naming every malformed record by its position and code.
 */
export function parseUnitList(data: unknown): AreaRow[] {
  const problems: string[] = [];
  const rows: AreaRow[] = [NATION_ROW];
  const seen = new Map<string, string>();

  if (!Array.isArray(data)) throw new UnitListError(["the file must hold a JSON array of provinces"]);

  const visit = (record: unknown, where: string, level: AreaLevelName, parent: AreaRow): void => {
    if (!record || typeof record !== "object" || Array.isArray(record)) {
      problems.push(`${where}: expected an object`);
      return;
    }
    const unit = record as Json;
    const code = unit.Code;
    const label = typeof code === "string" ? `${where} (code ${code})` : where;
    const before = problems.length;
    if (typeof code !== "string" || !isValidCode(code, level)) {
      problems.push(`${label}: Code must be a string of ${level === "PROVINCE" ? 2 : level === "DISTRICT" ? 3 : 5} digits, got ${JSON.stringify(code)}`);
    } else if (seen.has(code)) {
      problems.push(`${label}: code ${code} is used twice (also at ${seen.get(code)})`);
    }
    for (const field of ["Name", "FullName"]) {
      if (typeof unit[field] !== "string" || (unit[field] as string).trim() === "") {
        problems.push(`${label}: ${field} must be a non-empty string`);
      }
    }
    for (const field of ["NameEn", "FullNameEn"]) {
      if (unit[field] !== undefined && unit[field] !== null && typeof unit[field] !== "string") {
        problems.push(`${label}: ${field} must be a string when present`);
      }
    }
    const parentField = level === "DISTRICT" ? "ProvinceCode" : level === "COMMUNE" ? "DistrictCode" : undefined;
    if (parentField && unit[parentField] !== undefined && unit[parentField] !== parent.code) {
      problems.push(`${label}: ${parentField} ${JSON.stringify(unit[parentField])} does not match its parent ${parent.code}`);
    }
    if (problems.length > before) return;

    seen.set(code as string, where);
    const row: AreaRow = {
      code: code as string,
      level,
      name: (unit.Name as string).trim(),
      nameEn: ((unit.NameEn as string | undefined) ?? (unit.Name as string)).trim(),
      fullName: (unit.FullName as string).trim(),
      fullNameEn: ((unit.FullNameEn as string | undefined) ?? (unit.FullName as string)).trim(),
      parentCode: parent.code,
      provinceCode: level === "PROVINCE" ? null : parent.level === "PROVINCE" ? parent.code : parent.provinceCode,
      districtCode: level === "COMMUNE" ? parent.code : null,
    };
    rows.push(row);

    const childKey = CHILD_KEY[level];
    const childLevel = CHILD_LEVEL[level];
    if (!childKey || !childLevel) return;
    const children = unit[childKey];
    if (children === undefined || children === null) return; // e.g. island districts without communes
    if (!Array.isArray(children)) {
      problems.push(`${label}: ${childKey} must be an array`);
      return;
    }
    for (const [i, child] of children.entries()) visit(child, `${where}.${childKey}[${i}]`, childLevel, row);
  };

  for (const [i, province] of data.entries()) visit(province, `[${i}]`, "PROVINCE", NATION_ROW);
  if (problems.length > 0) throw new UnitListError(problems);
  return rows;
}

/** Reads and checks a unit-list file; a file that is not JSON is reported like any other problem. */
export function readUnitListFile(file: string): AreaRow[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UnitListError([`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UnitListError([`${file} is not valid JSON: ${(error as Error).message}`]);
  }
  return parseUnitList(data);
}
