// Data access for campaigns: the only module that reads the campaign tables.
import { areaOn, type Database } from "@vnge/shared";
import type { Campaign } from "./campaign.type";

const withParticipants = { participants: { orderBy: { areaCode: "asc" as const } } };

type CampaignRow = Awaited<ReturnType<Database["prisma"]["campaign"]["findMany"]>>[number] & {
  participants: { areaCode: string }[];
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function toCampaign(row: CampaignRow): Campaign {
  const codes = new Set([row.organisingAreaCode, ...row.participants.map((p) => p.areaCode)]);
  return {
    ...row,
    startDate: isoDate(row.startDate),
    endDate: isoDate(row.endDate),
    organisingArea: areaOn(row.organisingAreaCode, row.startDate),
    areas: [...codes].map((code) => areaOn(code, row.startDate)),
  };
}

export class CampaignStore {
  constructor(private readonly db: Database) {}

  async findByCodes(codes: readonly string[]): Promise<Campaign[]> {
    const rows = await this.db.prisma.campaign.findMany({ where: { code: { in: [...codes] } }, include: withParticipants });
    return rows.map(toCampaign);
  }

  /** Campaigns each area organises or takes part in, latest first. */
  async findByAreas(areaCodes: readonly string[]): Promise<Campaign[]> {
    const rows = await this.db.prisma.campaign.findMany({
      where: {
        OR: [{ organisingAreaCode: { in: [...areaCodes] } }, { participants: { some: { areaCode: { in: [...areaCodes] } } } }],
      },
      include: withParticipants,
      orderBy: [{ startDate: "desc" }, { code: "asc" }],
    });
    return rows.map(toCampaign);
  }

  async create(campaign: {
    code: string;
    name: string;
    nameEn: string | null;
    theme: string | null;
    startDate: string;
    endDate: string;
    organisingAreaCode: string;
    participantAreaCodes: string[];
  }): Promise<Campaign> {
    const { participantAreaCodes, startDate, endDate, ...fields } = campaign;
    const row = await this.db.prisma.campaign.create({
      data: {
        ...fields,
        startDate: new Date(`${startDate}T00:00:00Z`),
        endDate: new Date(`${endDate}T00:00:00Z`),
        participants: { create: participantAreaCodes.map((areaCode) => ({ areaCode })) },
      },
      include: withParticipants,
    });
    return toCampaign(row);
  }

  async findInYear(year: number): Promise<Campaign[]> {
    const rows = await this.db.prisma.campaign.findMany({
      where: { startDate: { lte: new Date(Date.UTC(year, 11, 31)) }, endDate: { gte: new Date(Date.UTC(year, 0, 1)) } },
      include: withParticipants,
      orderBy: [{ startDate: "asc" }, { code: "asc" }],
    });
    return rows.map(toCampaign);
  }
}
