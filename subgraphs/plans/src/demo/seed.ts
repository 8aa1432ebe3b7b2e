// Demo plans: the plans the seed documents are, with their real document numbers; and the agencies those
// documents assign work to, in the areas that issued them (all of the hierarchy before the 2025 reform).
import type { Database } from "@vnge/shared";
import { AgencyStore, type NewAgency } from "../agency/agency.store";
import type { PlanStatus, PlanType } from "../plan/plan.enums";

type DemoAgency = [short: string, kind: NewAgency["kind"], nameVi: string, name: string];

/** The departments (Sở) every province has that the seed documents name. */
const PROVINCE_DEPARTMENTS: DemoAgency[] = [
  ["SLDTBXH", "DEPARTMENT", "Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs"],
  ["SKHDT", "DEPARTMENT", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment"],
  ["SYT", "DEPARTMENT", "Sở Y tế", "Department of Health"],
  ["SNV", "DEPARTMENT", "Sở Nội vụ", "Department of Home Affairs"],
  ["STP", "DEPARTMENT", "Sở Tư pháp", "Department of Justice"],
  ["SGDDT", "DEPARTMENT", "Sở Giáo dục và Đào tạo", "Department of Education and Training"],
  ["SVHTTDL", "DEPARTMENT", "Sở Văn hóa - Thể thao và Du lịch", "Department of Culture, Sports and Tourism"],
  ["STTTT", "DEPARTMENT", "Sở Thông tin và Truyền thông", "Department of Information and Communications"],
];

function provinceAgencies(areaCode: string, province: string): NewAgency[] {
  const own: DemoAgency[] = [
    ["HLHPN", "MASS_ORGANISATION", `Hội Liên hiệp Phụ nữ tỉnh ${province}`, `${province} Women's Union`],
    ["CTK", "STATISTICS_OFFICE", `Cục Thống kê tỉnh ${province}`, `${province} Statistics Office`],
    ["BVSTBPN", "BOARD", `Ban vì sự tiến bộ của phụ nữ tỉnh ${province}`, `${province} Committee for the Advancement of Women`],
  ];
  return [...PROVINCE_DEPARTMENTS, ...own].map(([short, kind, nameVi, name]) => ({
    code: `${areaCode}-${short}`,
    hierarchy: "2025-03",
    areaCode,
    level: "PROVINCE",
    kind,
    name,
    nameVi,
    aliases: short === "HLHPN" ? ["Hội LHPN tỉnh"] : [],
  }));
}

export const DEMO_AGENCIES: NewAgency[] = [
  ...provinceAgencies("38", "Thanh Hóa"),
  ...provinceAgencies("62", "Kon Tum"),
  ...provinceAgencies("34", "Thái Bình"),
  ...(
    [
      ["PLDTBXH", "DEPARTMENT", "Phòng Lao động - Thương binh và Xã hội huyện Vị Xuyên", "Vi Xuyen Office of Labour, Invalids and Social Affairs"],
      ["CCTK", "STATISTICS_OFFICE", "Chi cục Thống kê huyện Vị Xuyên", "Vi Xuyen Statistics Office"],
      ["HLHPN", "MASS_ORGANISATION", "Hội Liên hiệp Phụ nữ huyện Vị Xuyên", "Vi Xuyen Women's Union"],
    ] as DemoAgency[]
  ).map(([short, kind, nameVi, name]) => ({
    code: `030-${short}`,
    hierarchy: "2025-03",
    areaCode: "030",
    level: "DISTRICT",
    kind,
    name,
    nameVi,
    aliases: short === "HLHPN" ? ["Hội LHPN huyện"] : [],
  })),
];

interface DemoPlan {
  areaCode: string;
  title: string;
  titleEn: string;
  type: PlanType;
  startYear: number;
  endYear: number;
  documentNumber: string;
  documentDate: string;
  status: PlanStatus;
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    areaCode: "38",
    title: "Hướng dẫn thực hiện công tác bình đẳng giới năm 2020",
    titleEn: "Guidance on gender-equality work in 2020",
    type: "YEARLY",
    startYear: 2020,
    endYear: 2020,
    documentNumber: "397/SLĐTBXH-TEBĐG",
    documentDate: "2020-02-20",
    status: "CLOSED",
  },
  {
    areaCode: "62",
    title: "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh năm 2017",
    titleEn: "Plan for gender equality and the advancement of women, 2017",
    type: "YEARLY",
    startYear: 2017,
    endYear: 2017,
    documentNumber: "16/KH-BVSTBCPN",
    documentDate: "2017-03-22",
    status: "CLOSED",
  },
  {
    areaCode: "34",
    title: "Kế hoạch thực hiện công tác bình đẳng giới, vì sự tiến bộ của phụ nữ năm 2022",
    titleEn: "Plan for gender equality and the advancement of women, 2022",
    type: "YEARLY",
    startYear: 2022,
    endYear: 2022,
    documentNumber: "31/KH-UBND",
    documentDate: "2022-03-11",
    status: "CLOSED",
  },
  {
    areaCode: "030",
    title: "Triển khai công tác bình đẳng giới, vì sự tiến bộ của phụ nữ năm 2023",
    titleEn: "Gender-equality work and the advancement of women, 2023",
    type: "YEARLY",
    startYear: 2023,
    endYear: 2023,
    documentNumber: "760/UBND-LĐTBOXH",
    documentDate: "2023-04-14",
    status: "ISSUED",
  },
];

export async function seedDemo(db: Database): Promise<void> {
  await new AgencyStore(db).upsert(DEMO_AGENCIES);
  for (const plan of DEMO_PLANS) {
    const data = { ...plan, documentDate: new Date(`${plan.documentDate}T00:00:00Z`) };
    await db.prisma.plan.upsert({
      where: { areaCode_documentNumber: { areaCode: plan.areaCode, documentNumber: plan.documentNumber } },
      create: data,
      update: data,
    });
  }
}
