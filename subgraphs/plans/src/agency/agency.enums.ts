import { registerEnumType } from "type-graphql";
import { AgencyKind, AgencyRole } from "@vnge/shared";

export { AgencyKind, AgencyRole };

registerEnumType(AgencyKind, {
  name: "AgencyKind",
  description:
    "DEPARTMENT (a provincial Sở or district Phòng), BOARD (e.g. the Committee for the Advancement of Women), MASS_ORGANISATION " +
    "(e.g. the Women's Union), STATISTICS_OFFICE, PEOPLES_COMMITTEE (an area's Ủy ban nhân dân) or OTHER.",
});
registerEnumType(AgencyRole, { name: "AgencyRole", description: "LEAD: responsible for the target; SUPPORTING: works with the lead." });
