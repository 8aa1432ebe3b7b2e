import { Role } from "@vnge/shared";
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { IndicatorsContext } from "../context";
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
  dataApproval(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("period", () => String) period: string,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.dataApprovalService.status(dataSetCode, areaCode, period);
  }

  @Authorized()
  @Query(() => ValidationReport, {
    description:
      "Runs a data set's validation rules over the stored values of an area (in the caller's scope) and every reporting area beneath it, for a period.",
  })
  validateDataSet(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("period", () => String) period: string,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.dataApprovalService.validate(dataSetCode, areaCode, period);
  }

  @Authorized(Role.DATA_ENTRY, Role.APPROVER, Role.ADMIN)
  @Mutation(() => DataApprovalStatus, {
    description: "The reporting area hands in a data set for a period: OPEN -> SUBMITTED; refused while a validation rule fails (value outliers only warn).",
  })
  submitDataSet(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("period", () => String) period: string,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.dataApprovalService.submit(dataSetCode, areaCode, period, context.identity.subject);
  }

  @Authorized(Role.APPROVER, Role.ADMIN)
  @Mutation(() => DataApprovalStatus, {
    description:
      "Approves a data set at a district or province (accepts it at the nation) once every child area has submitted or approved it; " +
      "the values beneath are then locked.",
  })
  approveDataSet(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("period", () => String) period: string,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.dataApprovalService.approve(dataSetCode, areaCode, period, context.identity.subject);
  }

  @Authorized(Role.APPROVER, Role.ADMIN)
  @Mutation(() => DataApprovalStatus, {
    description: "Returns a data set at an area for correction (back to OPEN), with a reason; refused while an area above still approves it.",
  })
  returnDataSet(
    @Arg("dataSetCode", () => ID) dataSetCode: string,
    @Arg("areaCode", () => ID) areaCode: string,
    @Arg("period", () => String) period: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.dataApprovalService.return(dataSetCode, areaCode, period, reason, context.identity.subject);
  }
}
