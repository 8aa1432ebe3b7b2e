// The Area entity as seen by subgraphs that do not own it: its key, code and hierarchy version. Each
// such subgraph defines its own class with this factory (type-graphql attaches field resolvers per
// class, so a class shared between subgraphs would carry every subgraph's Area fields into all of them).
// Codes repeat across versions, so every area these subgraphs return carries the day it is dated by
// (a record's date, the end of a period) and its version is worked out from that (decision 0060).
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { parsePeriod, periodEndDate } from "../periods/period";
import type { ServiceContext } from "../service-context";
import { areaId } from "./entity-id";

export interface AreaKey {
  code: string;
  /** The version, when known (a reference from the gateway carries it). */
  hierarchy?: string;
  /** Otherwise the day (YYYY-MM-DD) the area is dated by; today when absent. */
  on?: string;
}

/** An area as of a day (a record's date). */
export const areaOn = (code: string, day: string | Date | null | undefined): AreaKey => {
  const on = day instanceof Date ? day.toISOString().slice(0, 10) : day;
  return on ? { code, on } : { code };
};

/** An area as of a period's last day ("2024", "2025S2", "202311"). */
export const areaInPeriod = (code: string, period: string): AreaKey => {
  const parsed = parsePeriod(period);
  return parsed ? { code, on: periodEndDate(parsed) } : { code };
};

export const AREA_ID_DESCRIPTION = 'Stable id for client caches, unique across hierarchy versions: "<hierarchy>:<code>", e.g. "2025-03:38".';

export function defineAreaReference() {
  @Directive('@key(fields: "code hierarchy")')
  @ObjectType("Area")
  class AreaReference implements AreaKey {
    @Field(() => ID)
    code!: string;

    /** Resolved from `on` when a record's mapper leaves it out (see areaReferenceResolvers). */
    @Field(() => String, { description: 'The hierarchy version the code belongs to, e.g. "2025-03" or "2025-07".' })
    hierarchy?: string;

    /** The same id as the owner's, made here so a list of areas needs no fetch for it. */
    @Directive("@shareable")
    @Field(() => ID, { description: AREA_ID_DESCRIPTION })
    id?: string;
  }
  return AreaReference;
}

/** The versions are the request's (its area directory reads them once). */
async function versionOf(area: AreaKey, context: Pick<ServiceContext, "areas">): Promise<string> {
  if (area.hierarchy) return area.hierarchy;
  const versions = await context.areas.timeline();
  return (area.on ? versions.on(area.on) : versions.current()).code;
}

/** Any code is accepted here: the indicators subgraph decides whether the area exists. */
export function resolveAreaReference(reference: AreaKey): AreaKey {
  return { code: reference.code, hierarchy: reference.hierarchy };
}

export const areaReferenceResolvers = {
  Area: {
    __resolveReference: resolveAreaReference,
    hierarchy: (area: AreaKey, _args: unknown, context: ServiceContext) => versionOf(area, context),
    id: async (area: AreaKey, _args: unknown, context: ServiceContext) => areaId(await versionOf(area, context), area.code),
  },
};
