import { asc, eq } from "drizzle-orm";
import { Api } from "grammy";
import { FakeClock } from "../../src/clock.ts";
import type { Database } from "../../src/db/client.ts";
import { type OutboxRow, outbox, users } from "../../src/db/schema/index.ts";
import { FakeBotApi, type RateLimits } from "../../src/fake-bot-api/fake-bot-api.ts";
import { silentLogger } from "../../src/logger.ts";
import { enqueue, type OutgoingMessage } from "../../src/outbox/enqueue.ts";
import { virtualSleep } from "../../src/outbox/send-window.ts";
import { OutboxSender } from "../../src/outbox/sender.ts";
import type { OutboxSenderOptions } from "../../src/outbox/sender-options.ts";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

/** An instant given as Vietnam wall-clock time. */
export const vn = (local: string): Date => new Date(`${local}+07:00`);

export const outboxConfig = (overrides: Partial<OutboxSenderOptions["config"]["outbox"]> = {}) => ({
  timeZone: TIME_ZONE,
  quietHours: { start: "21:00", end: "07:00" },
  outbox: { globalRatePerSecond: 30, perChatIntervalMs: 1000, maxAttempts: 3, ...overrides },
});

export interface SenderSetup {
  clock: FakeClock;
  fake: FakeBotApi;
  api: Api;
  sender: OutboxSender;
  newSender(options?: Partial<OutboxSenderOptions>): OutboxSender;
}

/**
 * A sender on a fake clock that moves only when the sender waits
 * (virtualSleep), talking to a FakeBotApi that keeps the same time.
 */
export function setupSender(
  db: Database,
  options: {
    start?: Date;
    rateLimits?: RateLimits;
    fetch?: (fake: FakeBotApi) => typeof fetch;
    sender?: Partial<OutboxSenderOptions>;
  } = {},
): SenderSetup {
  const clock = new FakeClock(options.start ?? vn("2026-11-24T10:00:00"));
  const fake = new FakeBotApi({
    now: () => clock.now().getTime(),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const api = new Api("123456:test-token", {
    fetch: options.fetch ? options.fetch(fake) : (fake.fetch as typeof fetch),
  });
  const newSender = (overrides: Partial<OutboxSenderOptions> = {}) =>
    new OutboxSender({
      db,
      api,
      clock,
      logger: silentLogger,
      config: outboxConfig(),
      sleep: virtualSleep(clock),
      random: () => 0.5,
      ...options.sender,
      ...overrides,
    });
  return { clock, fake, api, sender: newSender(), newSender };
}

export async function addUser(
  db: Database,
  id: number,
  extra: Partial<typeof users.$inferInsert> = {},
): Promise<void> {
  await db.insert(users).values({ id, chatId: id, consentAt: new Date("2026-01-01"), ...extra });
}

export function textMessage(
  chatId: number,
  key: string,
  extra: Partial<OutgoingMessage> = {},
): OutgoingMessage {
  return {
    chatId,
    userId: chatId,
    kind: "officer-notice",
    payload: { type: "text", text: `message ${key}` },
    dedupeKey: key,
    ...extra,
  };
}

export async function queue(
  db: Database,
  chatId: number,
  key: string,
  extra: Partial<OutgoingMessage> = {},
): Promise<boolean> {
  return enqueue(db, textMessage(chatId, key, extra));
}

export async function rows(db: Database): Promise<OutboxRow[]> {
  return db.select().from(outbox).orderBy(asc(outbox.id));
}

export async function row(db: Database, dedupeKey: string): Promise<OutboxRow> {
  const [found] = await db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey));
  if (!found) throw new Error(`no outbox row ${dedupeKey}`);
  return found;
}

/** Texts delivered (answered ok) by the fake, in order. */
export const delivered = (fake: FakeBotApi): string[] =>
  fake
    .callsTo("sendMessage")
    .filter((call) => call.ok)
    .map((call) => String(call.params.text));
