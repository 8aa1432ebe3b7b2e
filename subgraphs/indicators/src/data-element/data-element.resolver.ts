import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { IndicatorsContext } from "../context";
import { DataElement } from "./data-element.type";

@Resolver(() => DataElement)
export class DataElementResolver {
  @Query(() => [DataElement], { description: "Every data element of the catalogue (national and local), ordered by code." })
  dataElements(
    @Arg("includeRetired", () => Boolean, { defaultValue: false, description: "Also list retired elements." }) includeRetired: boolean,
    @Ctx() context: IndicatorsContext,
  ) {
    return context.dataElementStore.findAll(includeRetired);
  }

  @FieldResolver(() => Boolean, { description: "A retired element keeps its values but accepts no new ones and is no longer listed." })
  retired(@Root() element: DataElement): boolean {
    return element.retiredAt !== null;
  }
}
