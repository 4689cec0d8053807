/**
 * The webhook ingress: a plain node:http server that stores each update
 * Telegram posts in the inbox and answers 200 only once it is stored.
 *
 * Answers
 * - POST with the right X-Telegram-Bot-Api-Secret-Token (compared in
 *   constant time) and a JSON object with an integer `update_id`: stored
 *   (once, even if posted twice), then 200.
 * - The database unreachable: 503, so Telegram delivers the update again
 *   later; the chat is told once per outage that the bot is busy.
 * - A body that is no update (empty, not JSON, `null`, an array, a string,
 *   no integer `update_id`, form-encoded): 400, logged at warn. Never a 5xx:
 *   Telegram would retry a 5xx for a day and hold the updates behind it.
 * - Wrong or missing secret: 401. Not POST: 405. Body over `maxBodyBytes`:
 *   413. Body not received within `bodyTimeoutMs`: 408.
 * - GET /healthz: 200 when the database answers, 503 when not.
 *
 * Guarantee: a 200 means the update is committed in the inbox; anything
 * else leaves it with Telegram, which sends it again.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import type { Update } from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { BusyNotice } from "./busy-notice.ts";
import { storeUpdates } from "./store.ts";

export interface WebhookServerOptions {
  db: Database;
  clock: Clock;
  logger: Logger;
  notice: BusyNotice;
  /** the secret_token given to setWebhook */
  secret: string;
  /** after an update is stored: wake the workers */
  onStored?: (stored: number) => void;
  /** default 1 MB (Telegram's updates are a few kB) */
  maxBodyBytes?: number;
  /** default 10 s */
  bodyTimeoutMs?: number;
}

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Both sides hashed first, so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

class BodyError extends Error {
  constructor(
    readonly status: 408 | 413,
    message: string,
  ) {
    super(message);
  }
}

function readBody(request: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      finish(new BodyError(408, "the body did not arrive in time"));
    }, timeoutMs);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(new BodyError(413, `the body is over ${maxBytes} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

type Parsed = { update: Update } | { problem: string };

/** The body as an update, or why it is none. */
export function parseUpdateBody(body: Buffer, contentType: string | undefined): Parsed {
  if (contentType && !/^application\/json\b/i.test(contentType.trim())) {
    return { problem: `content type ${contentType.split(";")[0]} is not JSON` };
  }
  const text = body.toString("utf8");
  if (text.trim() === "") return { problem: "empty body" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: "invalid JSON" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      problem: `not a JSON object (${value === null ? "null" : Array.isArray(value) ? "array" : typeof value})`,
    };
  }
  const updateId = (value as { update_id?: unknown }).update_id;
  if (typeof updateId !== "number" || !Number.isSafeInteger(updateId) || updateId < 0) {
    return { problem: "no integer update_id" };
  }
  return { update: value as Update };
}

export function createWebhookServer(options: WebhookServerOptions): Server {
  const logger = options.logger.child({ component: "webhook" });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;

  const answer = (response: ServerResponse, status: number, text: string, close = false) => {
    if (response.headersSent) return;
    response.writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      ...(status === 405 ? { allow: "POST" } : {}),
      // after a refused body the rest of it is not read: the connection cannot be reused
      ...(close ? { connection: "close" } : {}),
    });
    response.end(text);
  };

  async function health(response: ServerResponse): Promise<void> {
    try {
      await options.db.execute(sql`select 1`);
      answer(response, 200, "ok");
    } catch (error) {
      logger.warn({ err: error }, "health check: the database does not answer");
      answer(response, 503, "database unreachable");
    }
  }

  async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === "GET" && request.url?.split("?")[0] === "/healthz") {
      await health(response);
      return;
    }
    if (request.method !== "POST") {
      answer(response, 405, "only POST");
      return;
    }
    if (!sameSecret(request.headers[SECRET_HEADER], options.secret)) {
      logger.warn({ ip: request.socket.remoteAddress }, "webhook request without the right secret");
      answer(response, 401, "unauthorized", true);
      return;
    }
    const declaredLength = Number(request.headers["content-length"]);
    if (Number.isFinite(declaredLength) && declaredLength > maxBodyBytes) {
      logger.warn({ bytes: declaredLength }, "webhook body refused: too large");
      answer(response, 413, "body too large", true);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
    } catch (error) {
      const status = error instanceof BodyError ? error.status : 400;
      logger.warn({ err: error }, "webhook body could not be read");
      answer(response, status, error instanceof Error ? error.message : "bad body", true);
      return;
    }
    const parsed = parseUpdateBody(body, request.headers["content-type"]);
    if ("problem" in parsed) {
      logger.warn(
        {
          problem: parsed.problem,
          bytes: body.length,
          start: body.subarray(0, 80).toString("utf8"),
        },
        "webhook body is not an update: refused with 400",
      );
      answer(response, 400, parsed.problem);
      return;
    }
    try {
      const stored = await storeUpdates(options.db, [parsed.update], options.clock.now());
      options.notice.recovered();
      answer(response, 200, "");
      options.onStored?.(stored);
    } catch (error) {
      logger.error(
        { err: error, update_id: parsed.update.update_id },
        "could not store an update: 503, Telegram sends it again",
      );
      answer(response, 503, "try again later");
      await options.notice.tell([parsed.update]);
    }
  }

  return createServer((request, response) => {
    receive(request, response).catch((error: unknown) => {
      logger.error({ err: error }, "webhook request failed");
      answer(response, 503, "try again later", true);
    });
  });
}

export interface RunningWebhookServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free one); `close()` stops accepting and waits for requests in hand. */
export async function startWebhookServer(
  options: WebhookServerOptions & { port: number; host?: string },
): Promise<RunningWebhookServer> {
  const server = createWebhookServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
