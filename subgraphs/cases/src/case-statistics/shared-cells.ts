// The cells the case statistics share with the indicator engine: a commune's detected victims, in total and by
// sex, are also the fed element GBV_VICTIMS_DETECTED. The engine decides its suppression on its own table of that
// element (docs/decisions/0080-one-disclosure-rule.md); deciding it here from the same counts, with the same table
// builder, and fixing those cells in the case statistics' own suppression makes both outputs hide the same cells.
import { type AreaPlacement, type FigureValue, type SuppressionConstraints, buildFigureTable, figureCell, suppressedCells } from "@vnge/shared";
import type { COMMUNE_ELEMENTS } from "../case-feed/case-feed.values";
import { type CommuneCounts, TOTAL, cellKey, cellName } from "./statistics-table";

/** Typed against the feed's elements, so a rename there is caught here. */
const DETECTED: (typeof COMMUNE_ELEMENTS)[number] = "GBV_VICTIMS_DETECTED";
const SEXES = ["MALE", "FEMALE"] as const;

/** Hidden and published cells of the engine's table, named as the case statistics' cells. */
export function engineConstraints(communes: readonly CommuneCounts[], places: ReadonlyMap<string, AreaPlacement>, threshold: number): SuppressionConstraints {
  const values: FigureValue[] = communes.flatMap((commune) =>
    SEXES.map((sex) => ({ element: DETECTED, areaCode: commune.areaCode, sex, value: commune.counts.get(cellKey("sex", sex)) ?? 0 })),
  );
  const table = buildFigureTable(values, places);
  const engineHidden = suppressedCells(table.values, table.equations, threshold);
  const hidden = new Set<string>();
  const published = new Set<string>();
  const areas = new Set([...table.values.keys()].map((cell) => cell.split("|")[1]));
  for (const area of areas) {
    const pairs: [string, string][] = [
      [figureCell(DETECTED, area, "TOTAL"), cellName(area, TOTAL)],
      ...SEXES.map((sex): [string, string] => [figureCell(DETECTED, area, sex), cellName(area, cellKey("sex", sex))]),
    ];
    for (const [engineCell, caseCell] of pairs) (engineHidden.has(engineCell) ? hidden : published).add(caseCell);
  }
  return { hidden, published };
}
