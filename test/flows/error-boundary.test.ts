import { expect, it } from "vitest";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("error boundary", (database) => {
  it("apologises in Vietnamese when handling an update fails, and keeps serving", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const errors: unknown[] = [];
    world.deps.logger = Object.assign(Object.create(world.deps.logger), {
      child: () => ({
        error: (obj: unknown) => errors.push(obj),
        warn: () => {},
        info: () => {},
        debug: () => {},
      }),
    });
    world.restart();
    const owner = new TestUser(world, 1001);
    await owner.consent();
    // The database goes away under the bot for one update.
    const realSelect = db.select.bind(db);
    let failures = 1;
    (db as unknown as { select: unknown }).select = (...args: Parameters<typeof db.select>) => {
      if (failures-- > 0) throw new Error("connection reset");
      return realSelect(...args);
    };
    try {
      const replies = await owner.send("📂 Hồ sơ của tôi");
      expect(replies.at(-1)?.text).toContain("Xin lỗi Anh/Chị, hệ thống vừa gặp trục trặc");
    } finally {
      (db as unknown as { select: unknown }).select = realSelect;
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ update_id: expect.any(Number) });
    await owner.send("📂 Hồ sơ của tôi");
    expect(owner.lastText()).toContain("chưa có hồ sơ nào");
  });

  it("an English speaker gets the apology in English", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1002, { languageCode: "en" });
    await owner.send("/start");
    await owner.press("✅ I agree");
    world.api.failNext("sendMessage", 500, "Internal Server Error");
    await owner.send("/help").catch(() => undefined);
    expect(owner.lastText()).toContain("Sorry, something went wrong on our side");
  });
});
