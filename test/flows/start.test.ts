import { count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { establishments, users } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";

describeWithDatabase("/start and consent", (database) => {
  it("greets in Vietnamese, explains the bot, asks consent, and stores nothing before it", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 501);
    const replies = await owner.send("/start");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain("Xin chào Anh/Chị");
    expect(replies[0]?.text).toContain("Nghị định 13/2023/NĐ-CP");
    expect(replies[0]?.buttons[0]).toEqual(["✅ Đồng ý", "Không đồng ý"]);
    await owner.send("Tôi muốn đăng ký hỗ trợ");
    expect(owner.lastText()).toContain("Đồng ý");
    const [row] = await db.select({ n: count() }).from(users);
    expect(row?.n).toBe(0);
  });

  it("declining stores nothing and says so", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 502);
    await owner.send("/start");
    const replies = await owner.press("Không đồng ý");
    expect(replies.at(-1)?.text).toContain("không lưu thông tin nào");
    expect((await db.select().from(users)).length).toBe(0);
  });

  it("agreeing stores the person and shows the main menu; a second tap changes nothing", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 503);
    await owner.send("/start");
    const { data, messageId } = owner.findButton("✅ Đồng ý");
    await owner.pressData(data, messageId);
    expect(owner.lastText()).toContain("Cảm ơn Anh/Chị đã đồng ý");
    expect(owner.lastReplyKeyboard()?.flat()).toContain("📝 Đăng ký hỗ trợ");
    await owner.pressData(data, messageId);
    // The same answer as the first time (it may be the first tap handled again after a crash).
    expect(owner.lastText()).toContain("Cảm ơn Anh/Chị đã đồng ý");
    const rows = await db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.consentAt).toBeInstanceOf(Date);
    expect((await db.select().from(establishments)).length).toBe(0);
  });

  it("a person who agreed before and taps 'Không đồng ý' on an old question is told what is kept, and how to delete it", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 506);
    await owner.send("/start");
    const first = owner.findButton("Không đồng ý");
    await owner.send("/start");
    await owner.press("✅ Đồng ý");
    await owner.pressData(first.data, first.messageId);
    expect(owner.lastText()).toContain("Anh/Chị đã đồng ý từ trước");
    expect(owner.lastText()).toContain("/deletedata");
    expect(owner.lastText()).not.toContain("không lưu thông tin nào");
    expect(await db.select().from(users)).toHaveLength(1);
  });

  it("makes ADMIN_IDS admins at consent", async () => {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [504] });
    await new TestUser(world, 504).consent();
    const [row] = await db.select().from(users);
    expect(row?.role).toBe("admin");
  });

  it("lets a person pick English before consenting, and keeps it", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 505);
    await owner.send("/start");
    const replies = await owner.press("🇬🇧 English");
    expect(replies.at(-1)?.text).toContain("Do you agree?");
    await owner.press("✅ I agree");
    expect(owner.lastText()).toContain("Thank you for agreeing");
    const [row] = await db.select().from(users);
    expect(row?.language).toBe("en");
  });
});

describeWithDatabase("admins follow ADMIN_IDS", (database) => {
  it("grants the role to a listed id and takes it from one no longer listed", async () => {
    const { db } = database();
    const before = createTestWorld(db, { adminIds: [] });
    await new TestUser(before, 701).consent();
    await new TestUser(before, 702).consent();
    const after = createTestWorld(db, { adminIds: [701] });
    await new TestUser(after, 701).send("/help");
    const roles = Object.fromEntries((await db.select().from(users)).map((u) => [u.id, u.role]));
    expect(roles).toEqual({ 701: "admin", 702: "applicant" });
    const later = createTestWorld(db, { adminIds: [] });
    await new TestUser(later, 701).send("/help");
    const [row] = await db.select().from(users).where(eq(users.id, 701));
    expect(row?.role).toBe("applicant");
  });
});
