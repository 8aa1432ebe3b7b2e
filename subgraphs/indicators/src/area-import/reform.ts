// Reads a reform's published files (the new provinces as CSV, and for every new unit the old units
// merged into it, `full` or `partial`) into area rows of the new version and mapping edges from the
// old version, checking the two JSON views (merges and splits) against each other.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { NATION_ROW, type AreaRow, UnitListError } from "./unit-list";
import { isValidCode } from "@vnge/shared";

export type MappingKind = "FULL" | "PARTIAL";

/** An old unit (of the previous version) that went, wholly or in part, into a new unit. */
export interface MappingEdge {
  fromCode: string;
  toCode: string;
  kind: MappingKind;
}

export interface ReformFiles {
  /** CSV: row number, code, full name of each new province. */
  provincesCsv: string;
  /** JSON: `{ data: [{ level1_id, name, merges: [...], level2s: [{ level2_id, name, merges: [{ old_id, type }] }] }] }`. */
  merges: unknown;
  /** JSON: `{ data: [{ level1_id, level2s?: [{ level2_id, splits }], level3s: [{ level3_id, splits: [{ new_id }] }] }] }`; optional cross-check. */
  splits?: unknown;
}

export interface ParsedReform {
  /** Nation, provinces, then communes directly under their provinces. */
  areas: AreaRow[];
  /** Old province -> new province. */
  provinceEdges: MappingEdge[];
  /** Old commune (or an old district with no communes) -> new commune. */
  leafEdges: MappingEdge[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The unit types a full name starts with, and their English names. */
const UNIT_TYPES: [string, string][] = [
  ["Thành phố", "City"],
  ["Tỉnh", "Province"],
  ["Phường", "Ward"],
  ["Xã", "Commune"],
  ["Đặc khu", "Special Zone"],
  ["Thị trấn", "Township"],
];

/** Vietnamese without diacritics ("Đặc khu Lý Sơn" -> "Dac khu Ly Son"). */
export function withoutDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

/** Names of a unit from its full name: "Phường Ba Đình" -> Ba Đình / Ba Dinh / Ba Dinh Ward. */
export function unitNames(fullName: string): Pick<AreaRow, "name" | "nameEn" | "fullName" | "fullNameEn"> {
  const type = UNIT_TYPES.find(([prefix]) => fullName.startsWith(`${prefix} `));
  const name = type ? fullName.slice(type[0].length + 1).trim() : fullName.trim();
  const nameEn = withoutDiacritics(name);
  return { name, nameEn, fullName: fullName.trim(), fullNameEn: type ? `${nameEn} ${type[1]}` : nameEn };
}

const KIND: Record<string, MappingKind> = { full: "FULL", partial: "PARTIAL" };

export function parseReform(files: ReformFiles): ParsedReform {
  const problems: string[] = [];
  const areas: AreaRow[] = [NATION_ROW];
  const provinceEdges: MappingEdge[] = [];
  const leafEdges: MappingEdge[] = [];

  const csvRows = parse(files.provincesCsv, { from_line: 2, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  const provinceNames = new Map<string, string>();
  csvRows.forEach((row, i) => {
    const [, code, fullName] = row;
    if (!code || !isValidCode(code, "PROVINCE")) problems.push(`provinces CSV line ${i + 2}: code "${code ?? ""}" is not a 2-digit province code`);
    else if (!fullName) problems.push(`provinces CSV line ${i + 2}: province ${code} has no name`);
    else if (provinceNames.has(code)) problems.push(`provinces CSV line ${i + 2}: province ${code} appears twice`);
    else provinceNames.set(code, fullName);
  });

  const data = isObject(files.merges) ? files.merges.data : undefined;
  if (!Array.isArray(data)) throw new UnitListError(["the merges file must hold { data: [...] }"]);
  const communes = new Set<string>();
  const edgeKey = (edge: { fromCode: string; toCode: string }) => `${edge.fromCode}>${edge.toCode}`;

  const readEdges = (list: unknown, toCode: string, where: string, into: MappingEdge[]) => {
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${where}: no old units listed under "merges"`);
      return;
    }
    list.forEach((merge, j) => {
      const kind = isObject(merge) ? KIND[String(merge.type)] : undefined;
      const fromCode = isObject(merge) ? String(merge.old_id ?? "") : "";
      if (!/^\d{2,5}$/.test(fromCode)) problems.push(`${where} merges[${j}]: old_id "${fromCode}" is not a GSO code`);
      else if (!kind) problems.push(`${where} merges[${j}]: type must be "full" or "partial"`);
      else into.push({ fromCode, toCode, kind });
    });
  };

  for (const [i, province] of data.entries()) {
    const where = `merges data[${i}]`;
    if (!isObject(province)) {
      problems.push(`${where}: expected an object`);
      continue;
    }
    const code = String(province.level1_id ?? "");
    const fullName = provinceNames.get(code);
    if (!fullName) {
      problems.push(`${where}: province "${code}" is not in the provinces CSV`);
      continue;
    }
    areas.push({ code, level: "PROVINCE", ...unitNames(fullName), parentCode: NATION_ROW.code, provinceCode: null, districtCode: null });
    readEdges(province.merges, code, `${where} (province ${code})`, provinceEdges);
    const level2s = Array.isArray(province.level2s) ? province.level2s : [];
    for (const [j, commune] of level2s.entries()) {
      const at = `${where} level2s[${j}]`;
      if (!isObject(commune)) {
        problems.push(`${at}: expected an object`);
        continue;
      }
      const communeCode = String(commune.level2_id ?? "");
      if (!isValidCode(communeCode, "COMMUNE")) {
        problems.push(`${at}: level2_id "${communeCode}" is not a 5-digit commune code`);
        continue;
      }
      if (communes.has(communeCode)) {
        problems.push(`${at}: commune ${communeCode} appears twice`);
        continue;
      }
      if (typeof commune.name !== "string" || commune.name.trim() === "") {
        problems.push(`${at}: commune ${communeCode} has no name`);
        continue;
      }
      communes.add(communeCode);
      areas.push({ code: communeCode, level: "COMMUNE", ...unitNames(commune.name), parentCode: code, provinceCode: code, districtCode: null });
      readEdges(commune.merges, communeCode, `${at} (commune ${communeCode})`, leafEdges);
    }
  }
  for (const code of provinceNames.keys()) {
    if (!areas.some((area) => area.level === "PROVINCE" && area.code === code))
      problems.push(`province ${code} of the provinces CSV has no entry in the merges file`);
  }

  // Each old unit is whole in one new unit or split into several; the published kinds must say the same.
  const targets = new Map<string, MappingEdge[]>();
  for (const edge of leafEdges) targets.set(edge.fromCode, [...(targets.get(edge.fromCode) ?? []), edge]);
  for (const [fromCode, edges] of targets) {
    const full = edges.filter((edge) => edge.kind === "FULL");
    if (full.length > 0 && edges.length > 1)
      problems.push(`old unit ${fromCode} is marked full in ${full[0].toCode} but also maps to ${edges.length - 1} other unit(s)`);
    if (full.length === 0 && edges.length === 1) problems.push(`old unit ${fromCode} is marked partial but maps to ${edges[0].toCode} only`);
  }
  if (files.splits !== undefined) problems.push(...splitsDisagreements(files.splits, new Set(leafEdges.map(edgeKey))));
  if (problems.length > 0) throw new UnitListError(problems);
  return { areas, provinceEdges, leafEdges };
}

/** Where the splits file (old unit -> new units) says something the merges file does not. */
function splitsDisagreements(splits: unknown, mergeEdges: ReadonlySet<string>): string[] {
  const data = isObject(splits) ? splits.data : undefined;
  if (!Array.isArray(data)) return ["the splits file must hold { data: [...] }"];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const province of data) {
    if (!isObject(province)) continue;
    const units = [...(Array.isArray(province.level2s) ? province.level2s : []), ...(Array.isArray(province.level3s) ? province.level3s : [])];
    for (const unit of units) {
      if (!isObject(unit)) continue;
      const fromCode = String(unit.level3_id ?? unit.level2_id ?? "");
      for (const split of Array.isArray(unit.splits) ? unit.splits : []) {
        const key = `${fromCode}>${isObject(split) ? String(split.new_id) : ""}`;
        seen.add(key);
        if (!mergeEdges.has(key))
          problems.push(`the splits file maps ${fromCode} to ${isObject(split) ? String(split.new_id) : "?"}, which the merges file does not`);
      }
    }
  }
  for (const key of mergeEdges) if (!seen.has(key)) problems.push(`the merges file maps ${key.replace(">", " to ")}, which the splits file does not`);
  return problems;
}

/** Reads and parses the reform's files from disk. */
export function readReformFiles(paths: { provinces: string; merges: string; splits?: string }): ParsedReform {
  const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, "utf8"));
  return parseReform({
    provincesCsv: fs.readFileSync(paths.provinces, "utf8"),
    merges: readJson(paths.merges),
    splits: paths.splits ? readJson(paths.splits) : undefined,
  });
}
