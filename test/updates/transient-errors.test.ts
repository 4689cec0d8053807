import { drizzle } from "drizzle-orm/postgres-js";
import { BotError, GrammyError, HttpError } from "grammy";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import {
  describeError,
  isTransientDatabaseError,
  isTransientError,
  isTransientTelegramError,
  retryAfterMs,
} from "../../src/updates/transient-errors.ts";

const postgresError = (code: string, message: string) =>
  Object.assign(new Error(message), { name: "PostgresError", code, severity: "FATAL" });

const telegramError = (code: number, description: string, retryAfter?: number) =>
  new GrammyError(
    `Call to 'sendMessage' failed! (${code}: ${description})`,
    {
      ok: false,
      error_code: code,
      description,
      ...(retryAfter === undefined ? {} : { parameters: { retry_after: retryAfter } }),
    },
    "sendMessage",
    {},
  );

/** What bot.handleUpdate throws when a middleware fails outside an error boundary. */
const inBotError = (error: unknown) => new BotError(error, {} as never);

describe("transient errors", () => {
  it("a real postgres.js connection refused, wrapped by drizzle, is transient", async () => {
    const client = postgres("postgres://nobody@127.0.0.1:1/none", {
      max: 1,
      connect_timeout: 2,
      onnotice: () => {},
    });
    const db = drizzle(client);
    const error = await db.execute("select 1").then(
      () => undefined,
      (caught: unknown) => caught,
    );
    await client.end({ timeout: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isTransientError(inBotError(error))).toBe(true);
    expect(describeError(error)).toContain("ECONNREFUSED");
  });

  it.each([
    [
      "CONNECTION_CLOSED",
      Object.assign(new Error("write CONNECTION_CLOSED db:5432"), { code: "CONNECTION_CLOSED" }),
    ],
    [
      "CONNECTION_ENDED",
      Object.assign(new Error("write CONNECTION_ENDED db:5432"), { code: "CONNECTION_ENDED" }),
    ],
    [
      "CONNECTION_DESTROYED",
      Object.assign(new Error("write CONNECTION_DESTROYED"), { code: "CONNECTION_DESTROYED" }),
    ],
    ["ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    [
      "57P01 admin shutdown",
      postgresError("57P01", "terminating connection due to administrator command"),
    ],
    ["57P03 cannot connect now", postgresError("57P03", "the database system is starting up")],
    ["08006 connection failure", postgresError("08006", "connection failure")],
    ["40001 serialization failure", postgresError("40001", "could not serialize access")],
    ["a closed PGlite", new Error("PGlite is closed")],
    [
      "ECONNREFUSED on every address of a host",
      Object.assign(
        new AggregateError([
          Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" }),
        ]),
        { code: "ECONNREFUSED" },
      ),
    ],
  ])("%s is a transient database error", (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
    expect(isTransientDatabaseError(new Error("Failed query: select 1", { cause: error }))).toBe(
      true,
    );
  });

  it.each([
    [
      "a unique violation",
      postgresError("23505", "duplicate key value violates unique constraint"),
    ],
    ["a syntax error", postgresError("42601", "syntax error at or near")],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a string", "boom"],
    ["undefined", undefined],
  ])("%s is not transient", (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
    expect(isTransientError(error)).toBe(false);
  });

  it("Telegram: network errors, 5xx and 429 are transient, other refusals are not", () => {
    const network = new HttpError(
      "Network request for 'sendMessage' failed!",
      Object.assign(new Error("connect ECONNREFUSED 149.154.167.220:443"), {
        code: "ECONNREFUSED",
      }),
    );
    expect(isTransientTelegramError(network)).toBe(true);
    // a failed call to Telegram is no database fault, though it wraps a socket error
    expect(isTransientDatabaseError(network)).toBe(false);
    expect(isTransientError(inBotError(telegramError(502, "Bad Gateway")))).toBe(true);
    expect(isTransientError(telegramError(429, "Too Many Requests: retry after 7", 7))).toBe(true);
    expect(retryAfterMs(inBotError(telegramError(429, "Too Many Requests", 7)))).toBe(7000);
    expect(isTransientError(telegramError(400, "Bad Request: message is not modified"))).toBe(
      false,
    );
    expect(isTransientError(telegramError(403, "Forbidden: bot was blocked by the user"))).toBe(
      false,
    );
    expect(retryAfterMs(telegramError(400, "Bad Request"))).toBeUndefined();
  });
});
