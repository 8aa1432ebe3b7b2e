import { registerEnumType } from "type-graphql";
import { SupportFacilityKind } from "@vnge/shared";

export { SupportFacilityKind };

registerEnumType(SupportFacilityKind, {
  name: "SupportFacilityKind",
  description:
    'TRUSTED_ADDRESS: community "địa chỉ tin cậy"; SHELTER: "nhà tạm lánh"; SOCIAL_ASSISTANCE_CENTRE: public social-assistance facility; COUNSELLING_OFFICE: counselling office.',
});
