import { eq } from "drizzle-orm";
import type { Update } from "grammy/types";
import { expect, it } from "vitest";
import { conversationState, establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("what the network sends does not break the door", (database) => {
  let updateId = 900_000;
  const send = (world: ReturnType<typeof createTestWorld>, update: Omit<Update, "update_id">) =>
    world.handle({ update_id: updateId++, ...update } as Update);

  it("ignores politely an update without a sender, or sent on behalf of a chat", async () => {
    const world = createTestWorld(database().db);
    const before = world.api.calls.length;
    await send(world, {
      channel_post: {
        message_id: 1,
        date: 0,
        chat: { id: -100777, type: "channel", title: "Kênh" },
        text: "/start",
      },
    } as never);
    await send(world, {
      message: {
        message_id: 2,
        date: 0,
        chat: { id: -100778, type: "supergroup", title: "Nhóm" },
        sender_chat: { id: -100777, type: "channel", title: "Kênh" },
        text: "/start",
      },
    } as never);
    await send(world, {
      message: {
        message_id: 3,
        date: 0,
        chat: { id: 55, type: "private", first_name: "A" },
        text: "xin chào",
      },
    } as never);
    expect(world.api.calls.slice(before).filter((call) => call.method === "sendMessage")).toEqual(
      [],
    );
  });

  it("answers every button, whatever its origin: a group, an inline message, a game", async () => {
    const world = createTestWorld(database().db);
    const from = { id: 321, is_bot: false, first_name: "Lan" };
    const queries: Omit<Update, "update_id">[] = [
      {
        callback_query: {
          id: "g1",
          from,
          chat_instance: "c",
          data: "f:1:abc:x",
          message: { message_id: 5, date: 0, chat: { id: -100123, type: "group", title: "Nhóm" } },
        },
      },
      {
        callback_query: {
          id: "i1",
          from,
          chat_instance: "c",
          inline_message_id: "inline-1",
          data: "rv:1:view:1:submitted",
        },
      },
      {
        callback_query: {
          id: "game1",
          from,
          chat_instance: "c",
          game_short_name: "quiz",
          message: {
            message_id: 6,
            date: 0,
            chat: { id: 321, type: "private", first_name: "Lan" },
          },
        },
      },
      {
        callback_query: {
          id: "p1",
          from,
          chat_instance: "c",
          data: "🙂".repeat(20),
          message: {
            message_id: 7,
            date: 0,
            chat: { id: 321, type: "private", first_name: "Lan" },
          },
        },
      },
    ] as never;
    for (const query of queries) await send(world, query);
    const answered = world.api
      .callsTo("answerCallbackQuery")
      .map((call) => call.params.callback_query_id);
    expect(answered).toEqual(expect.arrayContaining(["g1", "i1", "game1", "p1"]));
  });

  it("takes control characters out of an answer, NUL included, and saves the rest", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 3301);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("Cơ sở\u0000 mộc\u0007 Tân\r\nThành");
    expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
    const [row] = await db.select().from(establishments).where(eq(establishments.ownerId, 3301));
    expect(row?.name).toBe("Cơ sở mộc Tân Thành");
    expect(JSON.stringify(await db.select().from(conversationState))).not.toContain("\\u0000");
  });
});
