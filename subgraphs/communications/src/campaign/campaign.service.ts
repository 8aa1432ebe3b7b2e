// Rules of creating a campaign: a unique code, dates in order, known areas, and every named area within
// the caller's scope (FORBIDDEN otherwise, nothing written). The code's shape, a non-empty name and real
// dates are checked at the boundary (campaign.input.ts).
import { type AreaHierarchy, type AreaScope, BadUserInputError } from "@vnge/shared";
import type { CreateCampaignInput } from "./campaign.input";
import type { CampaignStore } from "./campaign.store";
import type { Campaign } from "./campaign.type";

export class CampaignService {
  constructor(private readonly deps: { store: CampaignStore; hierarchy: AreaHierarchy; scope: AreaScope }) {}

  async create(input: CreateCampaignInput): Promise<Campaign> {
    const { store, hierarchy, scope } = this.deps;
    if (input.endDate < input.startDate) throw new BadUserInputError(`endDate ${input.endDate} is before startDate ${input.startDate}`, { field: "endDate" });
    const participants = [...new Set(input.participantAreaCodes ?? [])].filter((code) => code !== input.organisingAreaCode);
    const areaCodes = [input.organisingAreaCode, ...participants];
    // A campaign's areas are those of the version in force when it starts.
    const version = await hierarchy.versionOn(input.startDate);
    const known = await hierarchy.placements(areaCodes, version);
    const unknown = areaCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw new BadUserInputError(`unknown area${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")} in hierarchy ${version}`, {
        field: "organisingAreaCode",
        areaCodes: unknown,
      });
    }
    await scope.assertContains(areaCodes, "create campaigns", version);
    if ((await store.findByCodes([input.code])).length > 0) throw new BadUserInputError(`a campaign with code ${input.code} already exists`, { field: "code" });
    return store.create({
      code: input.code,
      name: input.name.trim(),
      nameEn: input.nameEn?.trim() || null,
      theme: input.theme?.trim() || null,
      startDate: input.startDate,
      endDate: input.endDate,
      organisingAreaCode: input.organisingAreaCode,
      participantAreaCodes: participants,
    });
  }
}
