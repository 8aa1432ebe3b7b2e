import type { PlansContext } from "../context";
import type { Agency } from "./agency.type";

export function resolveAgencyReference(reference: Pick<Agency, "code">, context: PlansContext) {
  return context.loaders.agencyByCode.load(reference.code);
}
