import { Ctx, Query, Resolver } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { DataElement } from "./data-element.type";

@Resolver(() => DataElement)
export class DataElementResolver {
  @Query(() => [DataElement], { description: "Every data element of the catalogue, ordered by code." })
  dataElements(@Ctx() context: IndicatorsContext) {
    return context.dataElementStore.findAll();
  }
}
