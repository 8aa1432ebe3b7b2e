import type { CasesContext } from "../context";
import type { SupportFacility } from "./support-facility.type";

export function resolveSupportFacilityReference(reference: Pick<SupportFacility, "id">, context: CasesContext) {
  return context.loaders.facilityById.load(reference.id);
}
