// What a dashboard asks of the API, as typed operations: the provinces beneath an area with one indicator's
// values by sex, and one area's time series. The types come from the schema, so a field renamed or removed
// in the API fails this file's compilation instead of a chart at run time.
import { GraphQLClient } from "graphql-request";
import { graphql } from "./gql";
import type { ProvinceValuesQuery, TimeSeriesQuery } from "./gql/graphql";

const PROVINCE_VALUES = graphql(`
  query ProvinceValues($indicator: ID!, $period: String!, $parent: ID!, $hierarchy: String) {
    rollup(indicatorCodes: [$indicator], periods: [$period], parentCode: $parent, level: PROVINCE, hierarchy: $hierarchy) {
      id
      period
      total
      male
      female
      approximate
      area {
        id
        code
        name
        nameEn
      }
      indicator {
        code
        name
        unit
      }
    }
  }
`);

const TIME_SERIES = graphql(`
  query TimeSeries($indicator: ID!, $periods: [String!]!, $area: ID!, $hierarchy: String) {
    rollup(indicatorCodes: [$indicator], periods: $periods, parentCode: $area, hierarchy: $hierarchy) {
      id
      period
      total
      male
      female
      approximate
      sourceHierarchy
    }
  }
`);

export type ProvinceValue = ProvinceValuesQuery["rollup"][number];
export type SeriesPoint = TimeSeriesQuery["rollup"][number];

export interface ApiOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** A bearer token (npm run token) or a partner API key. */
  token?: string;
  apiKey?: string;
}

export function apiClient(options: ApiOptions): GraphQLClient {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers["x-api-key"] = options.apiKey;
  return new GraphQLClient(options.url, { headers });
}

/** One indicator's value for each province beneath `parent`, largest gap between the sexes first. */
export async function provinceValues(client: GraphQLClient, indicator: string, period: string, parent = "VN", hierarchy?: string): Promise<ProvinceValue[]> {
  const answer = await client.request(PROVINCE_VALUES, { indicator, period, parent, hierarchy });
  const gap = (value: ProvinceValue) =>
    value.male === null || value.male === undefined || value.female === null || value.female === undefined ? -1 : Math.abs(value.male - value.female);
  return [...answer.rollup].sort((a, b) => gap(b) - gap(a) || a.area.code.localeCompare(b.area.code));
}

/** One indicator's values for one area over several periods, in the order asked. */
export async function timeSeries(client: GraphQLClient, indicator: string, area: string, periods: string[], hierarchy?: string): Promise<SeriesPoint[]> {
  const answer = await client.request(TIME_SERIES, { indicator, periods, area, hierarchy });
  return periods.flatMap((period) => answer.rollup.filter((point) => point.period === period));
}
