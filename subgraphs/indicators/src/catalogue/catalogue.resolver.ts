import { Role } from "@vnge/shared";
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { DataElement } from "../data-element/data-element.type";
import { Indicator } from "../indicator/indicator.type";
import { CatalogueChange } from "./catalogue-change.type";
import { DataSet } from "../data-approval/data-approval.type";
import type { StoredDataSet } from "./catalogue-file.store";
import {
  CreateDataElementInput,
  CreateDataSetInput,
  CreateIndicatorInput,
  UpdateDataElementInput,
  UpdateDataSetInput,
  UpdateIndicatorInput,
} from "./catalogue.input";

const toDataSet = (set: StoredDataSet): DataSet => ({
  code: set.code,
  name: set.name,
  nameVi: set.nameVi,
  collectionLevel: set.collectionLevel,
  collectionLevelWithoutDistricts: set.collectionLevelWithoutDistricts,
  dataElementCodes: set.elements,
  owner: set.owner,
});
import type { CatalogueChangeRow } from "./catalogue.store";

const toChange = (row: CatalogueChangeRow): CatalogueChange => ({
  ...row,
  id: String(row.id),
  changedAt: row.changedAt.toISOString(),
  before: row.before === null ? null : JSON.stringify(row.before),
  after: row.after === null ? null : JSON.stringify(row.after),
});

@Resolver()
export class CatalogueResolver {
  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => DataElement, { description: "Defines a data element: national (national administrators) or local to an area in the caller's scope." })
  createDataElement(@Arg("input", () => CreateDataElementInput) input: CreateDataElementInput, @Ctx() context: IndicatorsContext) {
    return context.catalogueService.createDataElement(input);
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => DataElement, { description: "Changes a data element; what its stored values mean (type, sex split, level) cannot change." })
  updateDataElement(@Arg("input", () => UpdateDataElementInput) input: UpdateDataElementInput, @Ctx() context: IndicatorsContext) {
    return context.catalogueService.updateDataElement(input);
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => DataElement, {
    description: "Retires a data element: it keeps its values but accepts no new ones. Refused while an active indicator uses it.",
  })
  retireDataElement(@Arg("code", () => ID) code: string, @Ctx() context: IndicatorsContext) {
    return context.catalogueService.retireDataElement(code);
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => Indicator, { description: "Defines an indicator: national (national administrators) or local to an area in the caller's scope." })
  createIndicator(@Arg("input", () => CreateIndicatorInput) input: CreateIndicatorInput, @Ctx() context: IndicatorsContext) {
    return context.catalogueService.createIndicator(input);
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => Indicator, { description: "Changes an indicator; its formula and unit cannot change once it has values or targets." })
  updateIndicator(@Arg("input", () => UpdateIndicatorInput) input: UpdateIndicatorInput, @Ctx() context: IndicatorsContext) {
    return context.catalogueService.updateIndicator(input);
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => Indicator, { description: "Retires an indicator: its values and targets stay readable; it is no longer listed." })
  retireIndicator(@Arg("code", () => ID) code: string, @Ctx() context: IndicatorsContext) {
    return context.catalogueService.retireIndicator(code);
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => DataSet, { description: "Defines a data set: national (national administrators) or local to an area in the caller's scope." })
  async createDataSet(@Arg("input", () => CreateDataSetInput) input: CreateDataSetInput, @Ctx() context: IndicatorsContext) {
    return toDataSet(await context.catalogueService.createDataSet(input));
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => DataSet, { description: "Changes a data set's names, elements or deadlines." })
  async updateDataSet(@Arg("input", () => UpdateDataSetInput) input: UpdateDataSetInput, @Ctx() context: IndicatorsContext) {
    return toDataSet(await context.catalogueService.updateDataSet(input));
  }

  @Authorized(Role.ADMIN, Role.CATALOGUE_MANAGER)
  @Mutation(() => DataSet, { description: "Retires a data set: its approvals stay; it is no longer listed." })
  async retireDataSet(@Arg("code", () => ID) code: string, @Ctx() context: IndicatorsContext) {
    return toDataSet(await context.catalogueService.retireDataSet(code));
  }

  @Authorized(Role.ADMIN)
  @Query(() => [CatalogueChange], { description: "The audit of the catalogue, newest first: every creation, change and retirement." })
  async catalogueChanges(
    @Arg("code", () => ID, { nullable: true }) code: string | undefined,
    @Arg("limit", () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() context: IndicatorsContext,
  ): Promise<CatalogueChange[]> {
    return (await context.catalogueService.changes(code ?? undefined, limit)).map(toChange);
  }
}
