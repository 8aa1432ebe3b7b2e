// Data access for activities: the only module that reads or writes the activity tables.
import { randomUUID } from "node:crypto";
import { areaOn, type Database, NATION_CODE } from "@vnge/shared";
import type { ActivityKind } from "./activity.enums";
import { type Activity, sexCounts } from "./activity.type";
import type { ValidActivity } from "./activity.validation";

const include = { materials: { orderBy: { type: "asc" as const } }, campaign: { select: { code: true } } };

type ActivityRow = Awaited<ReturnType<Database["prisma"]["activity"]["findMany"]>>[number] & {
  materials: { type: Activity["materials"][number]["type"]; count: number }[];
  campaign: { code: string } | null;
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function toActivity(row: ActivityRow): Activity {
  const training = row.kind === "TRAINING_COURSE";
  return {
    id: row.id,
    campaignCode: row.campaign?.code ?? null,
    area: areaOn(row.areaCode, row.startDate),
    kind: row.kind,
    title: row.title,
    startDate: isoDate(row.startDate),
    endDate: isoDate(row.endDate),
    month: row.month,
    channel: row.channel,
    organiser: row.organiser,
    targetGroups: row.targetGroups,
    reached: sexCounts(row.reachedMale, row.reachedFemale),
    participants: training ? sexCounts(row.participantsMale ?? 0, row.participantsFemale ?? 0) : null,
    officials: training ? sexCounts(row.officialsMale ?? 0, row.officialsFemale ?? 0) : null,
    materials: row.materials.map(({ type, count }) => ({ type, count })),
    cost: row.cost === null ? null : Number(row.cost),
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** Activities at an area or beneath it: the ancestor columns copied onto each row make this one condition. */
const within = (code: string) => (code === NATION_CODE ? {} : { OR: [{ areaCode: code }, { districtCode: code }, { provinceCode: code }] });

export interface StatisticsRow {
  area_code: string;
  kind: ActivityKind;
  activities: number;
  reached_male: number;
  reached_female: number;
  participants_male: number;
  participants_female: number;
  officials_male: number;
  officials_female: number;
  cost: number | null;
}

export interface SexSums {
  male: number;
  female: number;
}

export class ActivityStore {
  constructor(private readonly db: Database) {}

  /** Writes the rows and their materials in one transaction; returns their ids in row order. */
  async insert(rows: readonly ValidActivity[], recordedBy: string): Promise<string[]> {
    const ids = rows.map(() => randomUUID());
    await this.db.prisma.$transaction([
      this.db.prisma.activity.createMany({
        data: rows.map(({ index: _index, materials: _materials, startDate, endDate, ...row }, i) => ({
          ...row,
          id: ids[i],
          startDate: utcDate(startDate),
          endDate: utcDate(endDate),
          recordedBy,
        })),
      }),
      this.db.prisma.activityMaterial.createMany({
        data: rows.flatMap((row, i) => row.materials.map((material) => ({ activityId: ids[i], ...material }))),
      }),
    ]);
    return ids;
  }

  async findByIds(ids: readonly string[]): Promise<Activity[]> {
    const rows = await this.db.prisma.activity.findMany({ where: { id: { in: [...ids] } }, include });
    const byId = new Map(rows.map((row) => [row.id, toActivity(row)]));
    return ids.map((id) => byId.get(id)).filter((a): a is Activity => a !== undefined);
  }

  /** Activities at the area or beneath it in the given months (all months when null), by date; a page starts after the activity `after`. */
  async findWithin(areaCode: string, months: readonly string[] | null, kind: ActivityKind | null, limit: number, after?: string | null): Promise<Activity[]> {
    const rows = await this.db.prisma.activity.findMany({
      where: { ...within(areaCode), ...(months ? { month: { in: [...months] } } : {}), ...(kind ? { kind } : {}) },
      include,
      orderBy: [{ startDate: "asc" }, { areaCode: "asc" }, { id: "asc" }],
      take: limit,
      // Prisma compares every ordering column with the cursor row's, so pages follow the order above.
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    return rows.map(toActivity);
  }

  async findByCampaignCodes(codes: readonly string[]): Promise<Activity[]> {
    const rows = await this.db.prisma.activity.findMany({
      where: { campaign: { code: { in: [...codes] } } },
      include,
      orderBy: [{ startDate: "asc" }, { areaCode: "asc" }, { id: "asc" }],
    });
    return rows.map(toActivity);
  }

  /** Sums by requested area and kind over the activities at each area or beneath it, in one statement. */
  statistics(areaCodes: readonly string[], months: readonly string[]): Promise<StatisticsRow[]> {
    return this.db.query<StatisticsRow>(
      `SELECT x.code AS area_code, a.kind::text AS kind, count(*)::int AS activities,
              sum(a.reached_male)::float8 AS reached_male, sum(a.reached_female)::float8 AS reached_female,
              coalesce(sum(a.participants_male), 0)::float8 AS participants_male,
              coalesce(sum(a.participants_female), 0)::float8 AS participants_female,
              coalesce(sum(a.officials_male), 0)::float8 AS officials_male,
              coalesce(sum(a.officials_female), 0)::float8 AS officials_female,
              sum(a.cost)::float8 AS cost
         FROM unnest($1::text[]) AS x(code)
         JOIN communications.activity a
           ON x.code = '${NATION_CODE}' OR a.area_code = x.code OR a.district_code = x.code OR a.province_code = x.code
        WHERE a.month = ANY($2::text[])
        GROUP BY x.code, a.kind
        ORDER BY x.code, a.kind`,
      [[...areaCodes], [...months]],
    );
  }

  /** Broadcasts held in each of the areas (themselves, not beneath) per month. */
  async broadcastCounts(areaCodes: readonly string[], months: readonly string[]): Promise<{ areaCode: string; month: string; broadcasts: number }[]> {
    if (areaCodes.length === 0 || months.length === 0) return [];
    const rows = await this.db.prisma.activity.groupBy({
      by: ["areaCode", "month"],
      where: { kind: "BROADCAST", areaCode: { in: [...areaCodes] }, month: { in: [...months] } },
      _count: { _all: true },
    });
    return rows.map((row) => ({ areaCode: row.areaCode, month: row.month, broadcasts: row._count._all }));
  }

  /** People reached and officials trained per province and month, over every activity in the province. */
  async provinceSums(
    provinceCodes: readonly string[],
    months: readonly string[],
  ): Promise<{ provinceCode: string; month: string; reached: SexSums; officialsTrained: SexSums }[]> {
    if (provinceCodes.length === 0 || months.length === 0) return [];
    const rows = await this.db.query<{
      province_code: string;
      month: string;
      reached_male: number;
      reached_female: number;
      officials_male: number;
      officials_female: number;
    }>(
      `SELECT province_code, month,
              sum(reached_male)::float8 AS reached_male, sum(reached_female)::float8 AS reached_female,
              coalesce(sum(officials_male) FILTER (WHERE kind = 'TRAINING_COURSE'), 0)::float8 AS officials_male,
              coalesce(sum(officials_female) FILTER (WHERE kind = 'TRAINING_COURSE'), 0)::float8 AS officials_female
         FROM communications.activity
        WHERE province_code = ANY($1::text[]) AND month = ANY($2::text[])
        GROUP BY province_code, month`,
      [[...provinceCodes], [...months]],
    );
    return rows.map((row) => ({
      provinceCode: row.province_code,
      month: row.month,
      reached: { male: row.reached_male, female: row.reached_female },
      officialsTrained: { male: row.officials_male, female: row.officials_female },
    }));
  }

  /** Every place and month with an activity in a year: what a full resync recomputes. */
  async placesInYear(
    year: number,
  ): Promise<{ areaCode: string; provinceCode: string | null; districtCode: string | null; month: string; kind: ActivityKind }[]> {
    return this.db.prisma.activity.findMany({
      where: { month: { startsWith: String(year) } },
      select: { areaCode: true, provinceCode: true, districtCode: true, month: true, kind: true },
      distinct: ["areaCode", "month", "kind"],
    });
  }
}
