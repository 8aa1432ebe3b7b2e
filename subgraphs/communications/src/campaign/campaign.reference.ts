import type { CommunicationsContext } from "../context";
import type { Campaign } from "./campaign.type";

export function resolveCampaignReference(reference: Pick<Campaign, "code">, context: CommunicationsContext) {
  return context.loaders.campaignByCode.load(reference.code);
}
