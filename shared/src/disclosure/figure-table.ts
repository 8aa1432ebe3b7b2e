// The table of a count disaggregated by sex over the area tree, as cells and equations for suppression:
// each area's total is its male plus its female count, and a parent's cell is the sum of its children's.
// The indicator engine builds it from the stored values of a confidential data element; the cases subgraph
// builds the same table from the aggregates it feeds, so both hide the same cells.
import { type AreaPlacement, selfAndAncestors } from "../areas/area-hierarchy";
import { NATION_CODE } from "../areas/levels";
import type { Equation } from "./suppression";

export type FigureSex = "MALE" | "FEMALE" | "NONE";

export interface FigureValue {
  element: string;
  areaCode: string;
  sex: FigureSex;
  value: number;
}

export interface FigureTable {
  values: Map<string, number>;
  equations: Equation[];
}

/** The cell of an element's count at an area: one sex, or TOTAL (male + female, or the count without sex). */
export const figureCell = (element: string, areaCode: string, sex: FigureSex | "TOTAL") => `${element}|${areaCode}|${sex}`;

/** `places` must hold every area of `values` and each of its ancestors, in the version the values belong to. */
export function buildFigureTable(values: readonly FigureValue[], places: ReadonlyMap<string, AreaPlacement>): FigureTable {
  const cells = new Map<string, number>();
  const areasOf = new Map<string, Set<string>>();
  const add = (cell: string, value: number) => cells.set(cell, (cells.get(cell) ?? 0) + value);
  for (const row of values) {
    const place = places.get(row.areaCode);
    if (!place) continue;
    const areas = areasOf.get(row.element) ?? new Set<string>();
    areasOf.set(row.element, areas);
    for (const area of selfAndAncestors(place)) {
      areas.add(area);
      add(figureCell(row.element, area, row.sex), row.value);
      add(figureCell(row.element, area, "TOTAL"), row.value);
    }
  }
  const equations: Equation[] = [];
  for (const [element, areas] of areasOf) {
    const children = new Map<string, string[]>();
    for (const area of areas) {
      equations.push({
        total: figureCell(element, area, "TOTAL"),
        parts: [figureCell(element, area, "MALE"), figureCell(element, area, "FEMALE"), figureCell(element, area, "NONE")],
      });
      const parent = area === NATION_CODE ? null : (places.get(area)?.parentCode ?? NATION_CODE);
      if (parent && areas.has(parent)) children.set(parent, [...(children.get(parent) ?? []), area]);
    }
    for (const [parent, kids] of children) {
      for (const sex of ["MALE", "FEMALE", "NONE", "TOTAL"] as const) {
        equations.push({ total: figureCell(element, parent, sex), parts: kids.map((kid) => figureCell(element, kid, sex)) });
      }
    }
  }
  return { values: cells, equations };
}
