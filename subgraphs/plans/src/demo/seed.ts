// Demo plans: the plans the seed documents are, with their real document numbers.
import type { Database } from "@vnge/shared";
import type { PlanStatus, PlanType } from "../plan/plan.enums";

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
  for (const plan of DEMO_PLANS) {
    const data = { ...plan, documentDate: new Date(`${plan.documentDate}T00:00:00Z`) };
    await db.prisma.plan.upsert({
      where: { areaCode_documentNumber: { areaCode: plan.areaCode, documentNumber: plan.documentNumber } },
      create: data,
      update: data,
    });
  }
}
