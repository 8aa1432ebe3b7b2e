import { Role } from "@vnge/shared";
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { DataSetAtAreaArgs, ReturnDataSetArgs } from "./data-approval.args";
import { ValidationReport } from "../validation/validation.type";
import { DataApprovalStatus, DataSet } from "./data-approval.type";

@Resolver()
export class DataApprovalResolver {
  @Authorized()
  @Query(() => [DataSet], { description: "The data sets: groups of data elements reported, approved and locked together." })
  dataSets(@Ctx() context: IndicatorsContext) {
    return context.dataApprovalService.dataSets();
  }

  @Authorized()
  @Query(() => DataApprovalStatus, { description: "Where a data set stands for an area (in the caller's scope) and period, with every transition." })
  dataApproval(@Args(() => DataSetAtAreaArgs) { dataSetCode, areaCode, period }: DataSetAtAreaArgs, @Ctx() context: IndicatorsContext) {
    return context.dataApprovalService.status(dataSetCode, areaCode, period);
  }

  @Authorized()
  @Query(() => ValidationReport, {
    description:
      "Runs a data set's validation rules over the stored values of an area (in the caller's scope) and every reporting area beneath it, for a period.",
  })
  validateDataSet(@Args(() => DataSetAtAreaArgs) { dataSetCode, areaCode, period }: DataSetAtAreaArgs, @Ctx() context: IndicatorsContext) {
    return context.dataApprovalService.validate(dataSetCode, areaCode, period);
  }

  @Authorized(Role.DATA_ENTRY, Role.APPROVER, Role.ADMIN)
  @Mutation(() => DataApprovalStatus, {
    description: "The reporting area hands in a data set for a period: OPEN -> SUBMITTED; refused while a validation rule fails (value outliers only warn).",
  })
  submitDataSet(@Args(() => DataSetAtAreaArgs) { dataSetCode, areaCode, period }: DataSetAtAreaArgs, @Ctx() context: IndicatorsContext) {
    return context.dataApprovalService.submit(dataSetCode, areaCode, period, context.identity.subject);
  }

  @Authorized(Role.APPROVER, Role.ADMIN)
  @Mutation(() => DataApprovalStatus, {
    description:
      "Approves a data set at a district or province (accepts it at the nation) once every child area has submitted or approved it; " +
      "the values beneath are then locked.",
  })
  approveDataSet(@Args(() => DataSetAtAreaArgs) { dataSetCode, areaCode, period }: DataSetAtAreaArgs, @Ctx() context: IndicatorsContext) {
    return context.dataApprovalService.approve(dataSetCode, areaCode, period, context.identity.subject);
  }

  @Authorized(Role.APPROVER, Role.ADMIN)
  @Mutation(() => DataApprovalStatus, {
    description: "Returns a data set at an area for correction (back to OPEN), with a reason; refused while an area above still approves it.",
  })
  returnDataSet(@Args(() => ReturnDataSetArgs) { dataSetCode, areaCode, period, reason }: ReturnDataSetArgs, @Ctx() context: IndicatorsContext) {
    return context.dataApprovalService.return(dataSetCode, areaCode, period, reason, context.identity.subject);
  }
}
