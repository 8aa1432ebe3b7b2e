import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { CasesContext } from "../context";
import { SupportFacility } from "./support-facility.type";

@Resolver(() => SupportFacility)
export class SupportFacilityResolver {
  @Query(() => SupportFacility, { nullable: true })
  supportFacility(@Arg("id", () => ID) id: string, @Ctx() context: CasesContext) {
    return context.loaders.facilityById.load(id);
  }

  @Query(() => [SupportFacility], { description: "Support facilities located in one area." })
  supportFacilities(@Arg("areaCode", () => ID) areaCode: string, @Ctx() context: CasesContext) {
    return context.loaders.facilitiesByArea.load(areaCode);
  }
}
