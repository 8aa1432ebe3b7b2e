// Counts and times every GraphQL operation a service answers, by operation name and outcome.
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { ServiceMetrics } from "./service-metrics";

export function operationMetricsPlugin<TContext extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, request, errors, response }) {
          const operation = metrics.operationLabel(operationName ?? request.operationName);
          const result = response.body.kind === "single" ? response.body.singleResult : null;
          const first = errors?.[0] ?? result?.errors?.[0];
          const code = first?.extensions?.code;
          const outcome = first ? (typeof code === "string" && /^[A-Z_]{1,40}$/.test(code) ? code : "ERROR") : "ok";
          metrics.operations.inc({ operation, outcome });
          metrics.operationSeconds.observe({ operation }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
