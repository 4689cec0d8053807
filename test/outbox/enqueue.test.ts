import { eq } from "drizzle-orm";
import { Bot } from "grammy";
import type { ChatMemberUpdated, UserFromGetMe } from "grammy/types";
import { expect, it } from "vitest";
import { chatMemberFeature } from "../../src/bot/features/chat-member.ts";
import { FakeClock } from "../../src/clock.ts";
import { outbox, users } from "../../src/db/schema/index.ts";
import { FakeBotApi } from "../../src/fake-bot-api/fake-bot-api.ts";
import { enqueue, enqueueMany } from "../../src/outbox/enqueue.ts";
import { describeWithDatabase } from "../support/database.ts";
import { addUser, queue, rows, textMessage } from "./support.ts";

describeWithDatabase("outbox: enqueue", (database) => {
  it("queues the same dedupe key twice as one message", async () => {
    const { db } = database();
    expect(await queue(db, 101, "deadline:2027:user:101:T-7")).toBe(true);
    expect(
      await enqueue(db, {
        ...textMessage(101, "deadline:2027:user:101:T-7"),
        payload: { type: "text", text: "a second rendering" },
      }),
    ).toBe(false);
    const stored = await rows(db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      chatId: 101,
      status: "pending",
      urgency: "immediate",
      priority: 10,
      notBefore: null,
      attempts: 0,
      payload: { type: "text", text: "message deadline:2027:user:101:T-7" },
    });
  });

  it("commits with the caller's transaction, and not without it", async () => {
    const { db } = database();
    await addUser(db, 202);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ firstName: "Lan" }).where(eq(users.id, 202));
      expect(await enqueue(tx, textMessage(202, "decision:1"))).toBe(true);
    });
    await expect(
      db.transaction(async (tx) => {
        await enqueue(tx, textMessage(202, "decision:2"));
        throw new Error("the decision failed");
      }),
    ).rejects.toThrow("the decision failed");
    expect((await rows(db)).map((row) => row.dedupeKey)).toEqual(["decision:1"]);
  });

  it("skips a user who has blocked the bot", async () => {
    const { db } = database();
    await addUser(db, 303, { blockedAt: new Date("2026-11-01") });
    expect(await queue(db, 303, "reminder:303")).toBe(false);
    expect(await rows(db)).toHaveLength(0);
  });

  it("refuses a kind that is not registered", async () => {
    const { db } = database();
    await expect(
      enqueue(db, { ...textMessage(405, "x"), kind: "no-such-kind" as never }),
    ).rejects.toThrow(/unknown outbox kind/);
    expect(await rows(db)).toHaveLength(0);
  });

  it("skips a kind the recipient turned off, and only that kind", async () => {
    const { db } = database();
    await addUser(db, 406, { notificationPreferences: { fairs: false } });
    expect(await queue(db, 406, "fair:1:406", { kind: "fair-reminder" })).toBe(false);
    expect(await queue(db, 406, "deadline:1:406", { kind: "deadline-reminder" })).toBe(true);
    expect(await queue(db, 406, "decision:1:406", { kind: "owner-status-change" })).toBe(true);
    expect((await rows(db)).map((row) => row.kind)).toEqual([
      "deadline-reminder",
      "owner-status-change",
    ]);
  });

  it("queues daytime messages with a lower priority, and keeps notBefore", async () => {
    const { db } = database();
    const at = new Date("2026-12-01T01:00:00Z");
    await queue(db, 404, "digest:404", { kind: "daily-digest", notBefore: at });
    expect((await rows(db))[0]).toMatchObject({ urgency: "daytime", priority: 5, notBefore: at });
  });

  it("enqueueMany returns only the keys that were new, and skips blocked users", async () => {
    const { db } = database();
    await addUser(db, 2, { blockedAt: new Date("2026-11-01") });
    await queue(db, 1, "k1");
    const queued = await enqueueMany(
      db,
      [1, 2, 3, 4].map((chatId) => textMessage(chatId, `k${chatId}`)),
      2,
    );
    expect(queued.sort()).toEqual(["k3", "k4"]);
    const stored = await db.select({ key: outbox.dedupeKey }).from(outbox);
    expect(stored.map((row) => row.key).sort()).toEqual(["k1", "k3", "k4"]);
  });

  it("my_chat_member: kicked marks the user blocked, member again clears it", async () => {
    const { db } = database();
    await addUser(db, 501);
    const fake = new FakeBotApi();
    const bot = new Bot("123456:test-token", {
      botInfo: fake.botInfo as UserFromGetMe,
      client: { fetch: fake.fetch as typeof fetch },
    });
    bot.use(chatMemberFeature({ db, clock: new FakeClock("2026-11-24T03:00:00Z") }));
    const botUser = { id: fake.botInfo.id, is_bot: true, first_name: "Khuyến công" };
    const person = { id: 501, is_bot: false, first_name: "Lan" };
    const change = (
      updateId: number,
      status: "kicked" | "member",
      chat: ChatMemberUpdated["chat"] = { id: 501, type: "private", first_name: "Lan" },
    ) =>
      bot.handleUpdate({
        update_id: updateId,
        my_chat_member: {
          chat,
          from: person,
          date: 1_795_400_000,
          old_chat_member:
            status === "kicked"
              ? { status: "member", user: botUser }
              : { status: "kicked", user: botUser, until_date: 0 },
          new_chat_member:
            status === "kicked"
              ? { status: "kicked", user: botUser, until_date: 0 }
              : { status: "member", user: botUser },
        },
      });
    const blockedAt = async () =>
      (await db.select().from(users).where(eq(users.id, 501)))[0]?.blockedAt;

    await change(1, "kicked");
    expect(await blockedAt()).toEqual(new Date(1_795_400_000 * 1000));
    expect(await queue(db, 501, "while-blocked")).toBe(false);

    await change(2, "member");
    expect(await blockedAt()).toBeNull();
    expect(await queue(db, 501, "after-return")).toBe(true);

    // a group the person is in does not concern their private chat
    await change(3, "kicked", { id: -100_123, type: "group", title: "Tổ hợp tác" });
    expect(await blockedAt()).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });
});
