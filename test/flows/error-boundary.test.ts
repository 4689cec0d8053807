import { expect, it } from "vitest";
import { establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { answerTaxCodeDetails } from "./walk.ts";

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

  it("after a failed question, the retyped answer is not taken for a question the owner never saw", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1003);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("Cơ sở mộc");
    await owner.press("Doanh nghiệp");
    await owner.send("0100109106");
    await answerTaxCodeDetails(owner);
    await owner.send("xa cao loc"); // bare "cao loc" is also the former thị trấn Cao Lộc: a choice
    world.api.failNext("sendMessage", 502, "Bad Gateway");
    await owner.send("Thôn Nà Pàn").catch(() => undefined); // the next question's message fails
    expect(owner.texts().at(-2)).toContain("Mời Anh/Chị trả lời câu hỏi dưới đây");
    expect(owner.lastText()).toContain("Họ và tên người đại diện");
    await owner.send("Hoàng Văn Minh");
    const [row] = await db.select().from(establishments);
    expect(row).toMatchObject({ address: "Thôn Nà Pàn", representativeName: "Hoàng Văn Minh" });
  });

  it("when even the repeated question fails, the next message asks it instead of being saved to it", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1004);
    await owner.consent();
    await owner.send("/profile");
    world.api.failNext("sendMessage", 502, "Bad Gateway", 3);
    // The name is saved, then the next question, the apology and the question again all fail.
    await owner.send("Cơ sở mộc").catch(() => undefined);
    expect(owner.lastText()).toContain("Tên cơ sở");
    // The owner, seeing nothing new, types the name again: it is not taken as the kind of establishment.
    await owner.send("Cơ sở mộc").catch(() => undefined);
    expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
    const [row] = await db.select().from(establishments);
    expect(row?.name).toBe("Cơ sở mộc");
    expect(row?.legalForm).toBeNull();
  });
});
