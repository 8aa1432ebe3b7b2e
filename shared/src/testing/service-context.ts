// Building blocks for subgraph tests that run GraphQL in-process: areas for a hand-made tree,
// a national administrator, and the per-request context a subgraph server would build.
import { AreaDirectory } from "../areas/area-directory";
import type { AreaRow } from "../areas/levels";
import { AreaScope } from "../auth/area-scope";
import { loadAuthConfig } from "../auth/auth-config";
import type { Identity } from "../auth/identity";
import { Role } from "../auth/roles";
import type { Database } from "../database/client";
import { IndicatorFeed } from "../feeds/indicator-feed";
import { rootLogger } from "../logger";
import type { ServiceContext } from "../service-context";

/** An area row named after its code, for hand-built fixture trees. */
export function fixtureArea(code: string, level: AreaRow["level"], parentCode: string, provinceCode: string | null, districtCode: string | null): AreaRow {
  const name = `Area ${code}`;
  return { code, level, name, nameEn: name, fullName: name, fullNameEn: name, parentCode, provinceCode, districtCode };
}

/** A national administrator: the caller of tests that are not about access. */
export const NATIONAL_ADMIN: Identity = { subject: "test-admin", roles: new Set([Role.ADMIN]), areaCodes: ["VN"], via: "token" };

export function testIdentity(roles: Role[], areaCodes: string[], subject = "test-user"): Identity {
  return { subject, roles: new Set(roles), areaCodes, via: "token" };
}

/** The base context for `caller`; the feed goes nowhere unless a test gives one. */
export function testServiceContext(db: Database, caller: Identity = NATIONAL_ADMIN, indicatorFeed?: Pick<IndicatorFeed, "push">): ServiceContext {
  const areas = new AreaDirectory(db);
  return {
    requestId: "test",
    logger: rootLogger,
    db,
    identity: caller,
    areas,
    scope: new AreaScope(areas, caller.areaCodes),
    indicatorFeed: (indicatorFeed ?? new IndicatorFeed("test", loadAuthConfig(), () => undefined)) as IndicatorFeed,
  };
}
