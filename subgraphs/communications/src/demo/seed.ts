// Demo campaigns: the yearly Action Month (15/11 - 15/12) that every seed document asks for, and a few
// activities in it (fixed ids, so seeding twice changes nothing): Vị Xuyên's in 2023, and in 2025 those of
// the commune its three communes became, Phú Linh of the new Tuyên Quang, which has no district. Their
// aggregates reach the indicator engine with resyncCommunicationIndicators(year: 2023 or 2025).
import type { ActivityKind, Database, DemoExtent } from "@vnge/shared";

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

const PRESENT_CAMPAIGNS = [
  {
    code: "ACTION-MONTH-2025-08",
    name: "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới tỉnh Tuyên Quang năm 2025",
    nameEn: "Tuyen Quang Action Month for gender equality and against gender-based violence 2025",
    theme: null,
    startDate: "2025-11-15",
    endDate: "2025-12-15",
    organisingAreaCode: "08",
    participants: ["00706"],
  },
];

export async function seedDemo(db: Database, extent: DemoExtent): Promise<void> {
  const campaigns = extent === "present" ? [...DEMO_CAMPAIGNS, ...PRESENT_CAMPAIGNS] : DEMO_CAMPAIGNS;
  for (const { participants, ...campaign } of campaigns) {
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
  await seedActivities(db, "ACTION-MONTH-2023-030", VI_XUYEN_ACTIVITIES, {
    provinceCode: "02",
    districtCode: "030",
    organiser: "Phòng Lao động - Thương binh và Xã hội huyện Vị Xuyên",
  });
  if (extent === "present") {
    await seedActivities(db, "ACTION-MONTH-2025-08", PHU_LINH_ACTIVITIES, { provinceCode: "08", districtCode: null, organiser: "Ủy ban nhân dân xã Phú Linh" });
  }
}

interface DemoActivity {
  id: string;
  areaCode: string;
  kind: ActivityKind;
  title: string;
  date: string;
  male: number;
  female: number;
}

const VI_XUYEN_ACTIVITIES: DemoActivity[] = [
  {
    id: "6f1c8a2e-0000-4000-8000-000000000001",
    areaCode: "00703",
    kind: "BROADCAST",
    title: "Bản tin bình đẳng giới trên loa truyền thanh xã",
    date: "2023-11-16",
    male: 300,
    female: 320,
  },
  {
    id: "6f1c8a2e-0000-4000-8000-000000000002",
    areaCode: "00703",
    kind: "BROADCAST",
    title: "Bản tin phòng, chống bạo lực trên cơ sở giới",
    date: "2023-11-30",
    male: 310,
    female: 330,
  },
  {
    id: "6f1c8a2e-0000-4000-8000-000000000003",
    areaCode: "00706",
    kind: "BROADCAST",
    title: "Bản tin bình đẳng giới trên loa truyền thanh xã",
    date: "2023-11-20",
    male: 150,
    female: 170,
  },
  {
    id: "6f1c8a2e-0000-4000-8000-000000000004",
    areaCode: "00709",
    kind: "TALK",
    title: "Nói chuyện chuyên đề với nam giới về chia sẻ việc nhà",
    date: "2023-11-25",
    male: 60,
    female: 15,
  },
  {
    id: "6f1c8a2e-0000-4000-8000-000000000005",
    areaCode: "030",
    kind: "EVENT",
    title: "Lễ phát động Tháng hành động vì bình đẳng giới",
    date: "2023-11-15",
    male: 180,
    female: 220,
  },
];

const PHU_LINH_ACTIVITIES: DemoActivity[] = [
  {
    id: "6f1c8a2e-0000-4000-8000-000000000101",
    areaCode: "00706",
    kind: "BROADCAST",
    title: "Bản tin bình đẳng giới trên loa truyền thanh xã",
    date: "2025-11-17",
    male: 410,
    female: 450,
  },
  {
    id: "6f1c8a2e-0000-4000-8000-000000000102",
    areaCode: "00706",
    kind: "BROADCAST",
    title: "Bản tin phòng, chống bạo lực trên cơ sở giới",
    date: "2025-12-01",
    male: 395,
    female: 430,
  },
  {
    id: "6f1c8a2e-0000-4000-8000-000000000103",
    areaCode: "00706",
    kind: "TALK",
    title: "Nói chuyện chuyên đề với nam giới về chia sẻ việc nhà",
    date: "2025-11-26",
    male: 70,
    female: 20,
  },
];

async function seedActivities(
  db: Database,
  campaignCode: string,
  activities: DemoActivity[],
  where: { provinceCode: string; districtCode: string | null; organiser: string },
): Promise<void> {
  const campaign = await db.prisma.campaign.findUniqueOrThrow({ where: { code: campaignCode } });
  await db.prisma.activity.createMany({
    data: activities.map((a) => ({
      id: a.id,
      campaignId: campaign.id,
      areaCode: a.areaCode,
      provinceCode: where.provinceCode,
      districtCode: where.districtCode,
      kind: a.kind,
      title: a.title,
      startDate: new Date(`${a.date}T00:00:00Z`),
      endDate: new Date(`${a.date}T00:00:00Z`),
      month: a.date.slice(0, 4) + a.date.slice(5, 7),
      channel: a.kind === "BROADCAST" ? "LOUDSPEAKER" : "IN_PERSON",
      organiser: where.organiser,
      targetGroups: a.kind === "TALK" ? ["MEN_AND_BOYS"] : ["GENERAL_PUBLIC"],
      reachedMale: a.male,
      reachedFemale: a.female,
      recordedBy: "demo",
    })),
    skipDuplicates: true,
  });
}
