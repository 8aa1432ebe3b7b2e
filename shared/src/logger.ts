// Structured JSON logs; every request-scoped logger carries the request id set by the gateway.
import pino, { type Logger } from "pino";

export type { Logger };

export const rootLogger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export function serviceLogger(service: string): Logger {
  return rootLogger.child({ service });
}
