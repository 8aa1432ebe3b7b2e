// Typed errors: each reaches the client with an `extensions.code`, never a stack trace or SQL.
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import type { Logger } from "./logger";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "NOT_ACCEPTABLE"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "DATABASE_UNAVAILABLE"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = this.constructor.name;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, "BAD_USER_INPUT", extensions);
  }
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_ACCEPTABLE: 406,
  DATABASE_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** The status a typed error answers with on a plain HTTP route (a client's mistake is a 4xx). */
export function httpStatusOf(error: AppError): number {
  return HTTP_STATUS[error.extensions.code as ErrorCode] ?? 400;
}

/** The extensions a client sees (the code and fields such as `field`, not Apollo's transport hints). */
export function publicExtensions(error: AppError): Record<string, unknown> {
  const { http: _transport, ...extensions } = error.extensions;
  return extensions;
}

export class NotFoundError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, "NOT_FOUND", extensions);
  }
}

/** A route cannot answer in any media type the client accepts. */
export class NotAcceptableError extends AppError {
  constructor(message: string) {
    super(message, "NOT_ACCEPTABLE");
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, "FORBIDDEN", extensions);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Authentication required: send a bearer token or an API key") {
    // `http` sets the response status when thrown while building the context; Apollo strips it from the body.
    super(message, "UNAUTHENTICATED", { http: { status: 401 } });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor() {
    super("The database is unavailable; try again shortly.", "DATABASE_UNAVAILABLE");
  }
}

/** A service behind this one could not answer (stopped, restarting, or its load balancer found no copy up). */
export class ServiceUnavailableError extends AppError {
  constructor(message = "A service needed for this query is unavailable; try again shortly.") {
    super(message, "SERVICE_UNAVAILABLE");
  }
}

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  // Node's fetch (undici): a socket the other side closed mid-exchange, e.g. a subgraph copy that died answering
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08003",
  "08006",
]);

/** True when an error (or one it wraps) says the database cannot be reached. */
export function isConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const record = current as { code?: unknown; message?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof record.code === "string" && CONNECTION_ERROR_CODES.has(record.code)) return true;
    if (
      typeof record.message === "string" &&
      /ECONNREFUSED|Connection terminated|terminating connection|connect ECONN|Can't reach database/i.test(record.message)
    ) {
      return true;
    }
    current = record.cause ?? record.originalError;
  }
  return false;
}

/**
 * Apollo `formatError`: known errors pass with their code; anything else is logged in full and
 * replaced by a generic message so no internals (stack, SQL, file paths) reach the client.
 */
export interface ErrorFormatterOptions {
  /** What a client is told when a connection fails: a subgraph's database, or the gateway's subgraphs. */
  unavailable?: { message: string; code: ErrorCode };
}

export function createErrorFormatter(logger: Logger, options: ErrorFormatterOptions = {}) {
  const unavailable = options.unavailable ?? { message: new DatabaseUnavailableError().message, code: "DATABASE_UNAVAILABLE" };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    if (original instanceof AppError) {
      return { ...formatted, extensions };
    }
    if (isConnectionError(original)) {
      logger.warn({ err: original }, unavailable.message);
      return { message: unavailable.message, path: formatted.path, extensions: { code: unavailable.code } };
    }
    const code = typeof extensions.code === "string" ? extensions.code : "INTERNAL_SERVER_ERROR";
    // Validation, parse and input-coercion errors from graphql-js and Apollo are safe to show.
    if (code !== "INTERNAL_SERVER_ERROR") {
      return { ...formatted, extensions };
    }
    logger.error({ err: original }, "unexpected error");
    return { message: "Internal server error", path: formatted.path, extensions: { code } };
  };
}
