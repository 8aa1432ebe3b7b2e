import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Role } from "@vnge/shared";
import type { IndicatorsContext } from "../context";
import { DataElement } from "../data-element/data-element.type";
import { toReporter } from "./reporting-agency.service";
import { DataElementReporter } from "./reporting-agency.type";

@Resolver(() => DataElement)
export class ReportingAgencyResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => [DataElementReporter], {
    description:
      "Makes an agency the reporter of data elements in its area and beneath it (replacing the one named before): its users alone may then enter " +
      "them there with an agency token. The agency's area must be in the caller's areas.",
  })
  assignReportingAgency(
    @Arg("agencyCode", () => ID) agencyCode: string,
    @Arg("dataElementCodes", () => [ID]) dataElementCodes: string[],
    @Ctx() context: IndicatorsContext,
  ) {
    return context.reportingAgencyService.assign(agencyCode, dataElementCodes, context.scope, context.identity.subject);
  }

  @FieldResolver(() => [DataElementReporter], { description: "The agencies that report it, one per area that named one." })
  async reporters(@Root() element: DataElement, @Ctx() context: IndicatorsContext) {
    return (await context.loaders.reportingAgency.reportersByElement.load(element.code)).map(toReporter);
  }
}
