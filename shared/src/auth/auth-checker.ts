import type { AuthChecker } from "type-graphql";
import { ForbiddenError } from "../errors";
import type { ServiceContext } from "../service-context";
import { hasAnyRole } from "./identity";
import type { Role } from "./roles";

/**
 * `@Authorized()` admits any authenticated caller (every request is authenticated before it
 * reaches a resolver); `@Authorized(Role.X, Role.Y)` admits callers holding one of the roles.
 * A refusal reaches the client as FORBIDDEN (and is logged by denialLogPlugin).
 */
export const authChecker: AuthChecker<ServiceContext, Role> = ({ context, info }, roles) => {
  if (roles.length === 0 || hasAnyRole(context.identity, roles)) return true;
  throw new ForbiddenError(`${info.parentType.name}.${info.fieldName} needs one of the roles ${roles.join(", ")}`);
};
