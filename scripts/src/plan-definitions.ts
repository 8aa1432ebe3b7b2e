// Local indicators for the rows of a target table that name no catalogue indicator (plans:import --define-missing):
// each row becomes an indicator owned by the plan's province, with the data elements to collect it, named and
// measured as the row says. Pure: the definitions go through catalogue:import's checks (docs/decisions/0088-plans-import-defines-what-is-missing.md).
import type { AreaLevel } from "@vnge/shared";
import type { DataElementDefinition, IndicatorDefinition } from "@vnge/indicators";
import { type UncodedRow, unitsWritten } from "@vnge/plans";

export interface RowDefinitions {
  /** The indicator code defined for each line. */
  codes: Map<number, string>;
  dataElements: DataElementDefinition[];
  indicators: IndicatorDefinition[];
}

/** UPPER_SNAKE of the first words of a Vietnamese label: "Tỷ lệ nữ thạc sĩ" -> "TY_LE_NU_THAC_SI". */
export function codeName(label: string, words = 8): string {
  const plain = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
  const name = plain
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join("_");
  return /^[A-Z]/.test(name) ? name.slice(0, 60).replace(/_+$/, "") : `I_${name}`.slice(0, 60);
}

type Unit = IndicatorDefinition["unit"];

/** The unit a row is measured in: its unit column, else its figures ("90%", "86/100.000") or its wording ("Tỷ lệ"). */
export function rowUnit(row: UncodedRow): Unit {
  const cells = row.figures.join(" ");
  const written = unitsWritten(row.unit);
  if (written?.length === 1) return written[0] as Unit;
  if (written) return /\/\s*100\.000/.test(cells) ? "PER_100000" : "TIMES";
  if (/%/.test(cells) || /^tỷ lệ/i.test(row.indicator) || /%/.test(row.indicator)) return "PERCENT";
  return "COUNT";
}

const FACTOR: Record<Unit, number> = { PERCENT: 100, PER_100000: 100_000, BOYS_PER_100_GIRLS: 100, TIMES: 1, COUNT: 1, YES_NO: 1 };

export function defineRows(rows: readonly UncodedRow[], owner: string, level: AreaLevel): RowDefinitions {
  const result: RowDefinitions = { codes: new Map(), dataElements: [], indicators: [] };
  const taken = new Set<string>();
  for (const row of rows) {
    if (!row.indicator) continue;
    let name = codeName(row.indicator);
    for (let n = 2; taken.has(name); n++) name = `${codeName(row.indicator)}_${n}`;
    taken.add(name);
    const code = `${owner}.${name}`;
    const unit = rowUnit(row);
    const element = (suffix: string, label: string): DataElementDefinition => ({
      code: `${code}${suffix}`,
      owner,
      name: label,
      nameVi: label,
      valueType: "COUNT",
      disaggregatedBySex: false,
      collectionLevel: level,
    });
    const indicator: IndicatorDefinition = {
      code,
      owner,
      name: row.indicator,
      nameVi: row.indicator,
      numerator: { element: code },
      factor: FACTOR[unit],
      unit,
      decimals: unit === "COUNT" || unit === "YES_NO" ? 0 : 1,
      betterDirection: row.comparison === "AT_MOST" || /^giảm/i.test(row.indicator) ? "LOWER" : "HIGHER",
    };
    if (unit === "COUNT" || unit === "YES_NO") {
      result.dataElements.push({ ...element("", row.indicator), ...(unit === "YES_NO" ? { maxValue: 1 } : {}) });
    } else {
      result.dataElements.push(element("_N", `Tử số: ${row.indicator}`), element("_D", `Mẫu số: ${row.indicator}`));
      indicator.numerator = { element: `${code}_N` };
      indicator.denominator = { element: `${code}_D` };
    }
    result.indicators.push(indicator);
    result.codes.set(row.line, code);
  }
  return result;
}
