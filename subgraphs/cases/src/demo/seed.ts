// Demo support facilities (public information). No demo case records: they are confidential, and tests create their own.
import type { Database } from "@vnge/shared";
import type { SupportFacilityKind } from "../support-facility/support-facility.enums";

const DEMO_FACILITIES: { areaCode: string; name: string; nameEn: string; kind: SupportFacilityKind }[] = [
  { areaCode: "38", name: "Trung tâm Công tác xã hội tỉnh Thanh Hóa", nameEn: "Thanh Hoa Social Work Centre", kind: "SOCIAL_ASSISTANCE_CENTRE" },
  { areaCode: "381", name: "Nhà tạm lánh thị xã Bỉm Sơn", nameEn: "Bim Son shelter", kind: "SHELTER" },
  { areaCode: "030", name: "Địa chỉ tin cậy huyện Vị Xuyên", nameEn: "Vi Xuyen trusted address", kind: "TRUSTED_ADDRESS" },
  { areaCode: "62", name: "Phòng tư vấn bình đẳng giới tỉnh Kon Tum", nameEn: "Kon Tum gender-equality counselling office", kind: "COUNSELLING_OFFICE" },
];

export async function seedDemo(db: Database): Promise<void> {
  for (const facility of DEMO_FACILITIES) {
    await db.prisma.supportFacility.upsert({
      where: { areaCode_name: { areaCode: facility.areaCode, name: facility.name } },
      create: facility,
      update: facility,
    });
  }
}
