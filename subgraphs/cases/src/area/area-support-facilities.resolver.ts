import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Area } from "./area.type";
import type { CasesContext } from "../context";
import { SupportFacility } from "../support-facility/support-facility.type";

@Resolver(() => Area)
export class AreaSupportFacilitiesResolver {
  @FieldResolver(() => [SupportFacility], { description: "Support facilities located in this area." })
  supportFacilities(@Root() area: Area, @Ctx() context: CasesContext) {
    return context.loaders.facilitiesByArea.load(area.code);
  }
}
