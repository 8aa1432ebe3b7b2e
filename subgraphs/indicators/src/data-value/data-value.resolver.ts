import { Role } from "@vnge/shared";
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { DataValueHistoryArgs } from "./data-value.args";
import { SubmitDataValuesInput } from "./data-value.input";
import { DataValueChange, ImportSummary } from "./data-value.type";

@Resolver()
export class DataValueResolver {
  @Authorized(Role.ADMIN, Role.DATA_ENTRY)
  @Mutation(() => ImportSummary, {
    description:
      "Stores a batch of values, keyed by (data element, area, period, sex): re-submitting the same batch changes nothing. " +
      "A batch with any invalid row writes nothing and lists every bad row.",
  })
  submitDataValues(@Arg("input", () => SubmitDataValuesInput) input: SubmitDataValuesInput, @Ctx() context: IndicatorsContext) {
    return context.dataValueService.submit(input.values, { dryRun: input.dryRun ?? false, submittedBy: context.identity.subject });
  }

  @Query(() => [DataValueChange], {
    description:
      "Every change to one stored value, oldest first; sex is empty for an element not disaggregated by sex. Pages: `first` changes after the change numbered `after`.",
  })
  async dataValueHistory(
    @Args(() => DataValueHistoryArgs) { dataElementCode, areaCode, period, sex, first, after }: DataValueHistoryArgs,
    @Ctx() context: IndicatorsContext,
  ) {
    const changes = await context.dataValueService.history(dataElementCode, areaCode, period, sex ?? null, { first, after });
    return context.disclosure.screenHistory(changes, dataElementCode, areaCode, period);
  }
}
