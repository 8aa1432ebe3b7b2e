import { defineAreaReference } from "@vnge/shared";

/** Area is owned by the indicators subgraph; here it is its key plus the fields this subgraph adds. */
export const Area = defineAreaReference();
export type Area = InstanceType<typeof Area>;
