// Demo campaigns: the yearly Action Month (15/11 - 15/12) that every seed document asks for.
import type { Database } from "@vnge/shared";

const DEMO_CAMPAIGNS = [
  {
    code: "ACTION-MONTH-2023-38",
    name: "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2023",
    nameEn: "Action Month for gender equality and against gender-based violence 2023",
    theme: "Chung tay thúc đẩy bình đẳng giới, xóa bỏ bạo lực trên cơ sở giới",
    startDate: "2023-11-15",
    endDate: "2023-12-15",
    organisingAreaCode: "38",
    participants: ["381", "384"],
  },
  {
    code: "ACTION-MONTH-2023-030",
    name: "Tháng hành động vì bình đẳng giới huyện Vị Xuyên năm 2023",
    nameEn: "Vi Xuyen Action Month for gender equality 2023",
    theme: null,
    startDate: "2023-11-15",
    endDate: "2023-12-15",
    organisingAreaCode: "030",
    participants: [],
  },
];

export async function seedDemo(db: Database): Promise<void> {
  for (const { participants, ...campaign } of DEMO_CAMPAIGNS) {
    const data = {
      ...campaign,
      startDate: new Date(`${campaign.startDate}T00:00:00Z`),
      endDate: new Date(`${campaign.endDate}T00:00:00Z`),
    };
    const saved = await db.prisma.campaign.upsert({ where: { code: campaign.code }, create: data, update: data });
    await db.prisma.campaignArea.createMany({
      data: participants.map((areaCode) => ({ campaignId: saved.id, areaCode })),
      skipDuplicates: true,
    });
  }
}
