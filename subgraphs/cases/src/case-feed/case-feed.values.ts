// Which indicator data elements the case records feed, and how each is counted (docs/decisions/0030-case-indicator-feed.md).
import type { AggregateValue } from "@vnge/shared";

/** One group of case records with the same counting attributes, and how many there are. */
export interface CaseTally {
  areaCode: string;
  period: string;
  victimSex: "MALE" | "FEMALE";
  perpetratorSex: "MALE" | "FEMALE" | null;
  perpetratorProsecuted: boolean;
  perpetratorCounselled: boolean;
  trafficking: boolean;
  /** At least one support service provided. */
  supported: boolean;
  count: number;
}

/** Commune-level elements: every case is a detected victim; perpetrators count when known and not prosecuted. */
export const COMMUNE_ELEMENTS = ["GBV_VICTIMS_DETECTED", "GBV_VICTIMS_SUPPORTED", "GBV_PERPETRATORS_DETECTED", "GBV_PERPETRATORS_COUNSELLED"] as const;
/** Province-level elements (their collection level in the catalogue): trafficking cases are returned victims in need of support. */
export const PROVINCE_ELEMENTS = ["TRAFFICKING_VICTIMS_IN_NEED", "TRAFFICKING_VICTIMS_SUPPORTED"] as const;

const SEXES = ["MALE", "FEMALE"] as const;

function zeroed(elements: readonly string[], areaCode: string, period: string): Map<string, AggregateValue> {
  const values = new Map<string, AggregateValue>();
  for (const dataElementCode of elements) {
    for (const sex of SEXES) values.set(`${dataElementCode}/${sex}`, { dataElementCode, areaCode, period, sex, value: 0 });
  }
  return values;
}

/** Values of the commune elements for one commune-year: every element and sex, zeros included (a moved case leaves a zero behind). */
export function communeValues(areaCode: string, period: string, tallies: readonly CaseTally[]): AggregateValue[] {
  const values = zeroed(COMMUNE_ELEMENTS, areaCode, period);
  const add = (element: string, sex: string, count: number) => (values.get(`${element}/${sex}`)!.value += count);
  for (const t of tallies) {
    if (t.areaCode !== areaCode || t.period !== period) continue;
    add("GBV_VICTIMS_DETECTED", t.victimSex, t.count);
    if (t.supported) add("GBV_VICTIMS_SUPPORTED", t.victimSex, t.count);
    if (t.perpetratorSex && !t.perpetratorProsecuted) {
      add("GBV_PERPETRATORS_DETECTED", t.perpetratorSex, t.count);
      if (t.perpetratorCounselled) add("GBV_PERPETRATORS_COUNSELLED", t.perpetratorSex, t.count);
    }
  }
  return [...values.values()];
}

/** Values of the province elements for one province-year from the tallies of its communes. */
export function provinceValues(provinceCode: string, period: string, communeTallies: readonly CaseTally[]): AggregateValue[] {
  const values = zeroed(PROVINCE_ELEMENTS, provinceCode, period);
  for (const t of communeTallies) {
    if (t.period !== period || !t.trafficking) continue;
    values.get(`TRAFFICKING_VICTIMS_IN_NEED/${t.victimSex}`)!.value += t.count;
    if (t.supported) values.get(`TRAFFICKING_VICTIMS_SUPPORTED/${t.victimSex}`)!.value += t.count;
  }
  return [...values.values()];
}
