import { eq } from "drizzle-orm";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { FakeClock, systemClock } from "../../src/clock.ts";
import { users } from "../../src/db/schema/index.ts";
import { FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";
import { silentLogger } from "../../src/logger.ts";
import { enqueue } from "../../src/outbox/enqueue.ts";
import { SendWindow } from "../../src/outbox/send-window.ts";
import { OutboxSender } from "../../src/outbox/sender.ts";
import { claimDue } from "../../src/outbox/store.ts";
import { describeWithDatabase } from "../support/database.ts";
import {
  addUser,
  delivered,
  outboxConfig,
  queue,
  row,
  rows,
  setupSender,
  textMessage,
  vn,
} from "./support.ts";

describe("SendWindow", () => {
  it("lets `capacity` sends through per window, counted from when each finished", () => {
    const window = new SendWindow(2, 1000);
    expect(window.waitMs(0)).toBe(0);
    window.begin();
    window.begin();
    expect(window.waitMs(0)).toBeUndefined(); // both in flight: wait for an answer
    window.end(100);
    window.end(150);
    expect(window.waitMs(200)).toBe(900);
    expect(window.waitMs(1100)).toBe(0);
  });

  it("turns a rate into a window with a margin", () => {
    const window = SendWindow.forRate(0.5, 25);
    expect(window.capacity).toBe(1);
    expect(window.windowMs).toBe(2025);
  });
});

describeWithDatabase("outbox: sender", (database, driver) => {
  it("sends text and documents, and records each as sent", async () => {
    const { db } = database();
    const { sender, fake, clock } = setupSender(db);
    await queue(db, 11, "text", {
      payload: {
        type: "text",
        text: "<b>Quyết định</b>: hồ sơ đã được duyệt",
        parseMode: "HTML",
        replyMarkup: { inline_keyboard: [[{ text: "Xem", callback_data: "app:1" }]] },
      },
    });
    await queue(db, 12, "document", {
      payload: {
        type: "document",
        contentBase64: Buffer.from("xlsx bytes").toString("base64"),
        fileName: "danh-sach.xlsx",
        caption: "Danh sách",
      },
    });
    const stats = await sender.runUntilIdle();
    expect(stats).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    const [text] = fake.callsTo("sendMessage");
    expect(text?.params).toMatchObject({ chat_id: 11, parse_mode: "HTML" });
    expect(fake.callsTo("sendDocument")[0]?.params.caption).toBe("Danh sách");
    for (const stored of await rows(db)) {
      expect(stored).toMatchObject({ status: "sent", attempts: 1, leaseUntil: null });
      expect(stored.sentAt).toEqual(clock.now());
      expect(stored.telegramMessageId).toBeGreaterThan(0);
    }
  });

  it("keeps under 30 messages a second and 1 a second per chat: no 429, per-chat order kept", async () => {
    const { db } = database();
    const { sender, fake, clock } = setupSender(db, {
      rateLimits: { globalPerSecond: 30, perChatPerSecond: 1 },
    });
    const started = clock.now().getTime();
    // 40 chats with 2 messages each and one chat with 5
    for (let i = 0; i < 40; i++) await queue(db, 1000 + i, `a${i}`);
    for (let i = 0; i < 40; i++) await queue(db, 1000 + i, `b${i}`);
    for (let i = 0; i < 5; i++) await queue(db, 7, `busy${i}`);
    const stats = await sender.runUntilIdle({ horizonMs: 5000 });
    expect(stats.sent).toBe(85);
    expect(fake.tooManyRequests).toBe(0);
    const texts = delivered(fake);
    expect(new Set(texts).size).toBe(85);
    for (let i = 0; i < 40; i++) {
      expect(texts.indexOf(`message a${i}`)).toBeLessThan(texts.indexOf(`message b${i}`));
    }
    expect(texts.filter((text) => text.includes("busy"))).toEqual(
      [0, 1, 2, 3, 4].map((i) => `message busy${i}`),
    );
    // 85 messages at 30 a second take at least two full windows
    expect(clock.now().getTime() - started).toBeGreaterThanOrEqual(2000);
    const busyTimes = fake
      .callsTo("sendMessage")
      .filter((call) => call.params.chat_id === 7)
      .map((call) => call.at);
    for (let i = 1; i < busyTimes.length; i++) {
      expect((busyTimes[i] ?? 0) - (busyTimes[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
  });

  it("on 429 waits retry_after, pausing every send, then delivers", async () => {
    const { db } = database();
    // one a second, so the sends are one after another
    const { sender, fake } = setupSender(db, {
      sender: { config: outboxConfig({ globalRatePerSecond: 1 }) },
    });
    fake.failNext("sendMessage", 429, "Too Many Requests: retry after 7", 1, 7);
    await queue(db, 21, "first");
    await queue(db, 22, "second");
    await queue(db, 23, "third");
    const stats = await sender.runUntilIdle();
    expect(stats).toMatchObject({ sent: 3, rateLimited: 1 });
    const calls = fake.callsTo("sendMessage");
    expect(calls.map((call) => call.errorCode ?? "ok")).toEqual([429, "ok", "ok", "ok"]);
    const refusedAt = calls[0]?.at ?? 0;
    // nothing at all was sent until retry_after had passed
    expect((calls[1]?.at ?? 0) - refusedAt).toBeGreaterThanOrEqual(7000);
    expect(delivered(fake)[0]).toBe("message first");
    const first = await row(db, "first");
    expect(first).toMatchObject({ status: "sent", attempts: 1 }); // a 429 is not a failed attempt
    expect(first.lastError).toBeNull();
  });

  it("on 403 marks the user blocked, fails the row and skips later rows to them", async () => {
    const { db } = database();
    const { sender, fake, clock } = setupSender(db);
    await addUser(db, 31);
    await addUser(db, 32);
    fake.block(31);
    await queue(db, 31, "to-31-a");
    await queue(db, 32, "to-32");
    await queue(db, 31, "to-31-b");
    const stats = await sender.runUntilIdle({ horizonMs: 5000 });
    expect(stats).toMatchObject({ sent: 1, blocked: 1, failed: 2 });
    const [blocked] = await db.select().from(users).where(eq(users.id, 31));
    expect(blocked?.blockedAt).toEqual(clock.now());
    expect(await row(db, "to-31-a")).toMatchObject({
      status: "failed",
      lastError: "403: Forbidden: bot was blocked by the user",
    });
    expect(await row(db, "to-31-b")).toMatchObject({ status: "failed" });
    expect(fake.callsTo("sendMessage").filter((call) => call.params.chat_id === 31)).toHaveLength(
      1,
    );
    // and nothing new is queued for them until they come back
    expect(await queue(db, 31, "to-31-c")).toBe(false);
  });

  it("treats 400 chat not found like a block", async () => {
    const { db } = database();
    const { sender, fake } = setupSender(db);
    await addUser(db, 33);
    fake.failNext("sendMessage", 400, "Bad Request: chat not found");
    await queue(db, 33, "gone");
    expect(await sender.runUntilIdle()).toMatchObject({ blocked: 1 });
    const [user] = await db.select().from(users).where(eq(users.id, 33));
    expect(user?.blockedAt).not.toBeNull();
  });

  it("fails a row Telegram refuses as a bad request, without retrying it", async () => {
    const { db } = database();
    const { sender, fake } = setupSender(db);
    fake.failNext("sendMessage", 400, "Bad Request: can't parse entities");
    await queue(db, 34, "broken");
    expect(await sender.runUntilIdle({ horizonMs: 60_000 })).toMatchObject({ failed: 1, sent: 0 });
    expect(await row(db, "broken")).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("retries 5xx with backoff, and gives up after maxAttempts", async () => {
    const { db } = database();
    const { sender, fake, clock } = setupSender(db);
    fake.failNext("sendMessage", 502, "Bad Gateway", 2);
    await queue(db, 41, "flaky");
    // with random() = 0.5 the backoffs are 3.75 s, then 7.5 s
    const stats = await sender.runUntilIdle({ horizonMs: 60_000 });
    expect(stats).toMatchObject({ retried: 2, sent: 1 });
    const calls = fake.callsTo("sendMessage");
    expect(calls.map((call) => call.ok)).toEqual([false, false, true]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(3750);
    expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(7500);
    expect(await row(db, "flaky")).toMatchObject({ status: "sent", attempts: 3 });

    fake.failNext("sendMessage", 500, "Internal Server Error", 10);
    await queue(db, 42, "hopeless");
    const once = await sender.drainOnce();
    expect(once).toMatchObject({ retried: 1 });
    expect(await row(db, "hopeless")).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "500: Internal Server Error",
      notBefore: new Date(clock.now().getTime() + 3750),
    });
    const dead = await sender.runUntilIdle({ horizonMs: 60_000 });
    expect(dead).toMatchObject({ retried: 1, dead: 1, sent: 0 });
    expect(await row(db, "hopeless")).toMatchObject({ status: "dead", attempts: 3 });
  });

  it("retries network errors", async () => {
    const { db } = database();
    let failures = 1;
    const { sender } = setupSender(db, {
      fetch: (fake) =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          if (failures-- > 0) throw new TypeError("fetch failed");
          return fake.fetch(input as string, init);
        }) as typeof fetch,
    });
    await queue(db, 43, "net");
    expect(await sender.runUntilIdle({ horizonMs: 60_000 })).toMatchObject({
      retried: 1,
      sent: 1,
    });
    expect((await row(db, "net")).attempts).toBe(2);
  });

  it("holds a reminder through quiet hours until 07:00 and lets a decision through", async () => {
    const { db } = database();
    const { sender, fake, clock } = setupSender(db, { start: vn("2026-11-24T22:30:00") });
    await queue(db, 51, "reminder", { urgency: "daytime" });
    await queue(db, 51, "decision", { urgency: "immediate" });
    expect(await sender.runUntilIdle({ horizonMs: 60_000 })).toMatchObject({ sent: 1 });
    expect(delivered(fake)).toEqual(["message decision"]);
    expect(await row(db, "reminder")).toMatchObject({ status: "pending", attempts: 0 });

    clock.set(vn("2026-11-25T06:59:59"));
    expect(await sender.runUntilIdle()).toMatchObject({ sent: 0 });
    clock.set(vn("2026-11-25T07:00:00"));
    expect(await sender.runUntilIdle()).toMatchObject({ sent: 1 });
    expect(delivered(fake)).toEqual(["message decision", "message reminder"]);
    expect(fake.callsTo("sendMessage")[1]?.at).toBe(vn("2026-11-25T07:00:00").getTime());
  });

  it("checks quiet hours again at the moment of sending", async () => {
    const { db } = database();
    // one a second: the second reminder, claimed at 20:59:59.5, comes up at 21:00:00.5
    const { sender, fake } = setupSender(db, {
      start: vn("2026-11-24T20:59:59.500"),
      sender: { config: outboxConfig({ globalRatePerSecond: 1 }), batchSize: 10 },
    });
    await queue(db, 52, "before-nine", { urgency: "daytime" });
    await queue(db, 53, "after-nine", { urgency: "daytime" });
    const stats = await sender.runUntilIdle();
    expect(stats).toMatchObject({ claimed: 2, sent: 1, released: 1 });
    expect(delivered(fake)).toEqual(["message before-nine"]);
    expect(await row(db, "after-nine")).toMatchObject({
      status: "pending",
      attempts: 0,
      notBefore: vn("2026-11-25T07:00:00"),
    });
  });

  it("loses nothing when a sender dies mid-batch, and leaves nothing stuck after the lease", async () => {
    const { db } = database();
    const { sender, fake, clock } = setupSender(db);
    for (let i = 0; i < 5; i++) await queue(db, 60 + i, `held${i}`);
    // a sender claims the batch, then its process dies
    const dead = await claimDue(db, {
      now: clock.now(),
      limit: 10,
      claimedBy: "dead-sender",
      leaseMs: 60_000,
      quiet: false,
      perChatIntervalMs: 1000,
    });
    expect(dead.claimed).toHaveLength(5);
    expect(await sender.runUntilIdle()).toMatchObject({ claimed: 0, sent: 0 });
    clock.advance(59_000);
    expect(await sender.runUntilIdle()).toMatchObject({ sent: 0 });
    clock.advance(1_000);
    expect(await sender.runUntilIdle()).toMatchObject({ claimed: 5, sent: 5 });
    expect(new Set(delivered(fake)).size).toBe(5);
    for (const stored of await rows(db)) {
      // the dead sender's claim counts as an attempt: it might have sent
      expect(stored).toMatchObject({ status: "sent", attempts: 2 });
    }
  });

  it("stop() finishes the send in flight and puts the rows it held back to pending", async () => {
    const { db } = database();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstCall: () => void = () => {};
    const called = new Promise<void>((resolve) => {
      firstCall = resolve;
    });
    const { sender } = setupSender(db, {
      sender: { config: outboxConfig({ globalRatePerSecond: 1 }) },
      fetch: (fake) =>
        (async (input: string | URL | Request, init?: RequestInit) => {
          firstCall();
          await gate;
          return fake.fetch(input as string, init);
        }) as typeof fetch,
    });
    for (let i = 0; i < 4; i++) await queue(db, 70 + i, `stop${i}`);
    const running = sender.runUntilIdle();
    await called;
    const stopping = sender.stop();
    release();
    await stopping;
    await running;
    const stored = await rows(db);
    expect(stored.map((r) => r.status)).toEqual(["sent", "pending", "pending", "pending"]);
    expect(stored.map((r) => r.attempts)).toEqual([1, 0, 0, 0]);
    expect(stored.every((r) => r.leaseUntil === null)).toBe(true);
    expect(stored.slice(1).every((r) => r.claimedBy === null)).toBe(true);
  });

  it("runs in the background with start(), wakes on wake(), and stops cleanly", async () => {
    const { db } = database();
    const fake = new FakeBotApi();
    const sender = new OutboxSender({
      db,
      api: new Api("123456:test-token", { fetch: fake.fetch as typeof fetch }),
      clock: systemClock,
      logger: silentLogger,
      config: outboxConfig(),
      pollIntervalMs: 5_000,
    });
    sender.start();
    await enqueue(db, textMessage(81, "live"));
    sender.wake();
    const deadline = Date.now() + 10_000;
    while (delivered(fake).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await sender.stop();
    expect(delivered(fake)).toEqual(["message live"]);
    expect((await row(db, "live")).status).toBe("sent");
  });

  it.skipIf(driver !== "postgres")(
    "two senders over one PostgreSQL send each message once",
    async () => {
      const { db } = database();
      const clock = new FakeClock(vn("2026-11-24T10:00:00"));
      const { fake, newSender } = setupSender(db, { start: clock.now() });
      const messages = 300;
      for (let i = 0; i < messages; i += 100) {
        await Promise.all(
          Array.from({ length: 100 }, (_, j) => queue(db, 10_000 + i + j, `both${i + j}`)),
        );
      }
      const a = newSender({ senderId: "a", batchSize: 7 });
      const b = newSender({ senderId: "b", batchSize: 7 });
      const [statsA, statsB] = await Promise.all([a.runUntilIdle(), b.runUntilIdle()]);
      expect(statsA.sent + statsB.sent).toBe(messages);
      expect(statsA.sent).toBeGreaterThan(0);
      expect(statsB.sent).toBeGreaterThan(0);
      const texts = delivered(fake);
      expect(texts).toHaveLength(messages);
      expect(new Set(texts).size).toBe(messages);
      expect((await rows(db)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    },
  );
});
