import type { Update } from "grammy/types";
import { expect, it } from "vitest";
import { establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("group chats", (database) => {
  it("are ignored: a form is never asked or answered in a group", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1301);
    await owner.consent();
    await owner.send("/profile");
    const before = world.api.calls.length;
    const group = { id: -100123, type: "supergroup", title: "HTX" };
    for (const [id, from, text] of [
      [1, 1301, "/help@khuyen_cong_test_bot"],
      [2, 1302, "Cơ sở của người khác"],
    ] as const) {
      await world.handle({
        update_id: 900_000 + id,
        message: {
          message_id: id,
          date: 0,
          chat: group,
          from: { id: from, is_bot: false, first_name: "X" },
          text,
        },
      } as unknown as Update);
    }
    expect(
      world.api.calls.slice(before).filter((call) => call.method === "sendMessage"),
    ).toHaveLength(0);
    const [row] = await db.select().from(establishments);
    expect(row?.name).toBeNull();
    await owner.send("Cơ sở của tôi");
    expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
  });

  it("handles an update delivered twice only once, across a restart too", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1303);
    await owner.consent();
    await owner.send("/profile");
    const update = {
      update_id: 990_001,
      message: {
        message_id: 5,
        date: 0,
        chat: { id: 1303, type: "private", first_name: "A" },
        from: { id: 1303, is_bot: false, first_name: "A" },
        text: "Cơ sở mộc",
      },
    } as unknown as Update;
    await world.handle(update);
    await world.handle(update);
    // Again after a restart (the process's memory is gone; the database remembers).
    world.restart();
    await world.handle(update);
    expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
    const prompts = owner.texts().filter((text) => text.includes("Cơ sở thuộc loại hình nào?"));
    expect(prompts).toHaveLength(1);
    // After a week without updates Telegram starts ids again at random, possibly lower: still taken.
    await world.handle({
      update_id: 3,
      callback_query: {
        id: "cb-low",
        from: { id: 1303, is_bot: false, first_name: "A" },
        chat_instance: "ci",
        data: owner.findButton("Hộ kinh doanh").data,
        message: {
          message_id: owner.findButton("Hộ kinh doanh").messageId,
          date: 0,
          chat: { id: 1303, type: "private", first_name: "A" },
          text: "",
        },
      },
    } as unknown as Update);
    expect(owner.lastText()).toContain("Mã số thuế");
  });
});
