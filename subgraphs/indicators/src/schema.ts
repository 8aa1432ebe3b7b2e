import { buildFederatedSchema, memoize } from "@vnge/shared";
import { resolveArea } from "./area/area.reference";
import { AreaResolver } from "./area/area.resolver";

export const buildSchema = memoize(() =>
  buildFederatedSchema(
    { resolvers: [AreaResolver] },
    { Area: { __resolveReference: resolveArea } },
  ),
);
