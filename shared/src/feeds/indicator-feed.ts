// How a subgraph that owns raw records (cases, communications) hands the indicator engine its
// aggregates: it calls the indicators subgraph's own submitDataValues API with a token it issues
// itself, so only aggregates cross the boundary and the engine's validation and audit apply.
// Writes are idempotent upserts, so a push can be repeated (or a full resync run) safely.
import type { AuthConfig } from "../auth/auth-config";
import { Role } from "../auth/roles";
import { signInternalToken } from "../auth/service-token";
import { AppError } from "../errors";
import type { RowConflict } from "../federation/input-validation";
import { REQUEST_ID_HEADER } from "../http/request-id";

export interface AggregateValue {
  dataElementCode: string;
  areaCode: string;
  period: string;
  sex: "MALE" | "FEMALE" | null;
  value: number;
  status?: "FINAL" | "PROVISIONAL" | "ESTIMATED";
  comment?: string;
}

export interface FeedSummary {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  conflicts: RowConflict[];
}

const SUBMIT = `mutation ($input: SubmitDataValuesInput!) {
  submitDataValues(input: $input) { imported updated unchanged rejected conflicts { index field message } }
}`;

export class IndicatorFeedError extends AppError {
  constructor(message: string) {
    super(message, "INTERNAL_SERVER_ERROR");
  }
}

export class IndicatorFeed {
  constructor(
    private readonly service: string,
    private readonly auth: AuthConfig,
    /** URL of the indicators subgraph's /graphql (read when pushing: it is known once that subgraph listens). */
    private readonly indicatorsUrl: () => string | undefined,
  ) {}

  /** Upserts the values in the indicators subgraph (all or nothing); throws when any is refused. */
  async push(values: readonly AggregateValue[], requestId?: string): Promise<FeedSummary> {
    const url = this.indicatorsUrl();
    if (!url) throw new IndicatorFeedError("The indicators service is not configured (INDICATORS_URL)");
    if (values.length === 0) return { imported: 0, updated: 0, unchanged: 0, rejected: 0, conflicts: [] };
    const token = await signInternalToken(this.auth, `service:${this.service}`, [Role.DATA_ENTRY], ["VN"]);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
      },
      body: JSON.stringify({ query: SUBMIT, variables: { input: { values } } }),
    });
    const body = (await response.json()) as { data?: { submitDataValues: FeedSummary }; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) {
      throw new IndicatorFeedError(
        `The indicators service refused the ${this.service} aggregates: ${body.errors?.map((e) => e.message).join("; ") ?? response.status}`,
      );
    }
    const summary = body.data.submitDataValues;
    if (summary.rejected > 0) {
      throw new IndicatorFeedError(`The indicators service refused ${summary.rejected} ${this.service} aggregate(s): ${summary.conflicts[0]?.message}`);
    }
    return summary;
  }
}
