/**
 * Broadcast benchmark: N messages to M chats (default one each, like a
 * broadcast) through the outbox and its sender, against a fake Bot API
 * served over HTTP that enforces Telegram's limits in real time (30 a
 * second overall, 1 a second per chat: 429 with retry_after beyond).
 * Then the same messages the way people often do it: a loop calling
 * sendMessage with @grammyjs/auto-retry. One JSON line each:
 *
 *   npm run bench:broadcast -- --messages 1500 [--chats 1500]
 *
 * Database: in-memory PGlite, or PostgreSQL when DATABASE_URL is set (the
 * bench's rows are deleted afterwards; run it against a database whose
 * outbox holds nothing pending, or those rows are sent to the fake too).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { autoRetry } from "@grammyjs/auto-retry";
import { like } from "drizzle-orm";
import { Api } from "grammy";
import { systemClock } from "../src/clock.ts";
import { openDatabase } from "../src/db/client.ts";
import { outbox } from "../src/db/schema/index.ts";
import { FakeBotApi, type RateLimits } from "../src/fake-bot-api/fake-bot-api.ts";
import { silentLogger } from "../src/logger.ts";
import { enqueueMany, type OutgoingMessage } from "../src/outbox/enqueue.ts";
import { OutboxSender } from "../src/outbox/sender.ts";
import { countByStatus } from "../src/outbox/store.ts";
import { scratchDatabase } from "./scratch-database.ts";

const LIMITS: RateLimits = { globalPerSecond: 30, perChatPerSecond: 1 };
const TOKEN = "123456:bench-token";
const FIRST_CHAT = 900_000_000;

interface Figures {
  bench: "broadcast" | "broadcast-naive";
  messages: number;
  seconds: number;
  rate_per_s: number;
  limit_per_s: number;
  count_429: number;
  duplicates: number;
  lost: number;
}

function figures(
  bench: Figures["bench"],
  fake: FakeBotApi,
  texts: string[],
  seconds: number,
): Figures {
  const wanted = new Set(texts);
  const delivered = fake
    .callsTo("sendMessage")
    .filter((call) => call.ok && wanted.has(String(call.params.text)))
    .map((call) => String(call.params.text));
  const unique = new Set(delivered);
  return {
    bench,
    messages: texts.length,
    seconds: Math.round(seconds * 100) / 100,
    rate_per_s: Math.round((unique.size / seconds) * 100) / 100,
    limit_per_s: LIMITS.globalPerSecond,
    count_429: fake.tooManyRequests,
    duplicates: delivered.length - unique.size,
    lost: texts.length - unique.size,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { messages: { type: "string" }, chats: { type: "string" } },
  });
  const messages = Number(values.messages ?? 1500);
  const chats = Number(values.chats ?? messages);
  if (!Number.isInteger(messages) || messages < 1 || !Number.isInteger(chats) || chats < 1) {
    console.error("Usage: npm run bench:broadcast -- --messages N [--chats M]");
    process.exitCode = 2;
    return;
  }
  const run = randomUUID().slice(0, 8);
  const plan = Array.from({ length: messages }, (_, i) => ({
    chatId: FIRST_CHAT + (i % chats),
    text: `bench ${run} #${i + 1}: Kính gửi Anh/Chị, thông báo hội chợ khuyến công năm 2027.`,
  }));
  const texts = plan.map((message) => message.text);

  // 1. The outbox and its sender
  const scratch = process.env.DATABASE_URL
    ? await scratchDatabase(process.env.DATABASE_URL)
    : undefined;
  const database = await openDatabase(
    scratch ? { kind: "postgres", url: scratch.url } : { kind: "pglite-memory" },
  );
  const before = await countByStatus(database.db);
  if ((before.pending ?? 0) > 0 || (before.sending ?? 0) > 0) {
    console.error(
      `note: the outbox already holds ${JSON.stringify(before)}; those go to the fake too`,
    );
  }
  const fake = new FakeBotApi({ rateLimits: LIMITS });
  const server = await fake.listen();
  try {
    await enqueueMany(
      database.db,
      plan.map(
        (message, i): OutgoingMessage => ({
          chatId: message.chatId,
          kind: "deadline-reminder",
          payload: { type: "text", text: message.text },
          dedupeKey: `bench:${run}:${i}`,
          urgency: "immediate",
        }),
      ),
    );
    const sender = new OutboxSender({
      db: database.db,
      api: new Api(TOKEN, { apiRoot: server.url, timeoutSeconds: 20 }),
      clock: systemClock,
      logger: silentLogger,
      config: {
        timeZone: "Asia/Ho_Chi_Minh",
        quietHours: { start: "21:00", end: "07:00" },
        outbox: {
          globalRatePerSecond: LIMITS.globalPerSecond,
          perChatIntervalMs: 1000 / LIMITS.perChatPerSecond,
          maxAttempts: 8,
        },
      },
    });
    const started = performance.now();
    await sender.runUntilIdle({ horizonMs: 3000 });
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify(figures("broadcast", fake, texts, seconds)));
    await database.db.delete(outbox).where(like(outbox.dedupeKey, `bench:${run}:%`));
  } finally {
    await server.close();
    await database.close();
    await scratch?.drop();
  }

  // 2. The naive loop: sendMessage after sendMessage, auto-retry on 429
  const naiveFake = new FakeBotApi({ rateLimits: LIMITS });
  const naiveServer = await naiveFake.listen();
  try {
    const api = new Api(TOKEN, { apiRoot: naiveServer.url, timeoutSeconds: 20 });
    api.config.use(autoRetry());
    const started = performance.now();
    for (const message of plan) {
      try {
        await api.sendMessage(message.chatId, message.text);
      } catch {
        // given up after auto-retry's attempts: counted as lost
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify(figures("broadcast-naive", naiveFake, texts, seconds)));
  } finally {
    await naiveServer.close();
  }
}

await main();
