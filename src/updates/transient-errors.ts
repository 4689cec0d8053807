/**
 * Which errors are worth waiting out (the database or the network is away for
 * a moment) and which are not (a bug, bad data). The update workers retry
 * the first kind without limit on order; the bot's error handler can rethrow
 * them so that the update is retried instead of apologised for.
 */
import { GrammyError, HttpError } from "grammy";

/** Socket errors (Node) and postgres.js's own connection errors. */
const TRANSIENT_NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  // postgres.js: src/connection.js and src/index.js
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception) is matched by
 * prefix; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up, in recovery), 53300 too_many_connections;
 * 40001 serialization_failure and 40P01 deadlock_detected succeed on retry.
 */
const TRANSIENT_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "40001", "40P01"]);

/** PGlite's `_checkReady()`: the embedded database is shutting down or shut. */
const PGLITE_CLOSED = /^PGlite is clos(ed|ing)$/;

interface ErrorFields {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  /** grammY's BotError keeps the middleware's error here */
  error?: unknown;
  /** AggregateError: Node tries each address of a host name */
  errors?: unknown;
}

/** The error and what it wraps: drizzle's DrizzleQueryError (`cause`), grammY's BotError (`error`), AggregateError. */
function* causes(
  error: unknown,
  options: { skipTelegram?: boolean } = {},
  depth = 0,
): Generator<ErrorFields> {
  if (depth > 6 || typeof error !== "object" || error === null) return;
  // a failed call to Telegram wraps its socket error: that is no database fault
  if (options.skipTelegram && error instanceof HttpError) return;
  const fields = error as ErrorFields;
  yield fields;
  if (fields.cause !== undefined) yield* causes(fields.cause, options, depth + 1);
  if (fields.error !== undefined && fields.error !== error) {
    yield* causes(fields.error, options, depth + 1);
  }
  if (Array.isArray(fields.errors)) {
    for (const inner of fields.errors) yield* causes(inner, options, depth + 1);
  }
}

function isTransientDatabaseFault(fields: ErrorFields): boolean {
  const code = typeof fields.code === "string" ? fields.code : undefined;
  if (code !== undefined) {
    if (TRANSIENT_NETWORK_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && (code.startsWith("08") || TRANSIENT_SQLSTATES.has(code))) {
      return true;
    }
  }
  return typeof fields.message === "string" && PGLITE_CLOSED.test(fields.message);
}

/**
 * True when the database could not be reached or asked us to try again:
 * postgres.js connection errors (ECONNREFUSED, ECONNRESET, CONNECTION_CLOSED,
 * CONNECTION_ENDED, CONNECTION_DESTROYED, CONNECT_TIMEOUT…), PostgreSQL
 * 57P01/57P02/57P03, 53300, 40001, 40P01 and class 08, and a closed PGlite,
 * also when wrapped by drizzle or grammY.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (const fields of causes(error, { skipTelegram: true })) {
    if (isTransientDatabaseFault(fields)) return true;
  }
  return false;
}

/** True for a Telegram call that failed on the network, with a 5xx, or with 429. */
export function isTransientTelegramError(error: unknown): boolean {
  for (const fields of causes(error)) {
    if (fields instanceof HttpError) return true;
    if (fields instanceof GrammyError && (fields.error_code === 429 || fields.error_code >= 500)) {
      return true;
    }
  }
  return false;
}

/** Worth waiting out: the database or Telegram is away for a moment. */
export function isTransientError(error: unknown): boolean {
  return isTransientDatabaseError(error) || isTransientTelegramError(error);
}

/** Telegram's `retry_after` of a 429, in milliseconds, if the error carries one. */
export function retryAfterMs(error: unknown): number | undefined {
  for (const fields of causes(error)) {
    if (fields instanceof GrammyError && fields.error_code === 429) {
      const seconds = fields.parameters.retry_after;
      if (typeof seconds === "number") return seconds * 1000;
    }
  }
  return undefined;
}

/** A short description for logs and `last_error`. */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code}: ${error.description}`;
  if (error instanceof Error) {
    const cause = (error as ErrorFields).cause ?? (error as ErrorFields).error;
    const own = error.message.split("\n")[0] ?? error.message;
    return cause instanceof Error && cause !== error ? `${own}: ${describeError(cause)}` : own;
  }
  return String(error);
}
