import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role, codeIdResolver } from "@vnge/shared";
import type { PlansContext } from "../context";
import { Target } from "../target/target.type";
import { AgencyInput } from "./agency.input";
import { Agency } from "./agency.type";

export const AgencyIdResolver = codeIdResolver(Agency, "agency");

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => Agency, { nullable: true, description: "One agency by code; null when there is none." })
  agency(@Arg("code", () => ID) code: string, @Ctx() context: PlansContext) {
    return context.loaders.agencyByCode.load(code);
  }

  @Query(() => [Agency], { description: "The agencies of one area (of every hierarchy version it is a code of), by code." })
  async agencies(@Arg("areaCode", () => ID) areaCode: string, @Ctx() context: PlansContext) {
    return context.agencyService.ofArea(areaCode);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [Agency], {
    description: "Defines agencies, or changes those whose code exists: all or nothing. Each agency's area must be in the caller's areas.",
  })
  defineAgencies(@Arg("agencies", () => [AgencyInput]) agencies: AgencyInput[], @Ctx() context: PlansContext) {
    return context.agencyService.define(agencies, context.scope);
  }

  @FieldResolver(() => [Target], { description: "The targets it leads or supports, each assessed at its own period." })
  async targets(@Root() agency: Agency, @Ctx() context: PlansContext) {
    const responsibilities = await context.loaders.responsibilitiesByAgency.load(agency.code);
    const targets = await context.loaders.targetById.loadMany(responsibilities.map((r) => r.targetId));
    return targets.filter((target): target is Target => target !== null && !(target instanceof Error));
  }
}

@Resolver(() => Target)
export class TargetAgenciesResolver {
  @FieldResolver(() => Agency, { nullable: true, description: "The agency responsible for the target; null when none is named or matched." })
  async leadAgency(@Root() target: Target, @Ctx() context: PlansContext) {
    const lead = (await context.loaders.responsibilitiesByTarget.load(target.id)).find((r) => r.role === "LEAD");
    return lead ? context.loaders.agencyByCode.load(lead.agencyCode) : null;
  }

  @FieldResolver(() => [Agency], { description: "The agencies that work with the lead." })
  async supportingAgencies(@Root() target: Target, @Ctx() context: PlansContext) {
    const codes = (await context.loaders.responsibilitiesByTarget.load(target.id)).filter((r) => r.role === "SUPPORTING").map((r) => r.agencyCode);
    const agencies = await context.loaders.agencyByCode.loadMany(codes);
    return agencies.filter((agency): agency is Agency => agency !== null && !(agency instanceof Error));
  }
}
