import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  applicationFiles,
  applications,
  conversationState,
  establishments,
  users,
} from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { fillApplication, fillProfile } from "./walk.ts";

describeWithDatabase("restarts and deploys lose nothing", (database) => {
  it("walks the whole form with the bot restarted before every single update", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    world.restartBeforeEveryUpdate = true;
    const owner = new TestUser(world, 901);
    await owner.consent();
    await owner.send("/apply");
    await owner.sendSticker(); // a bad answer, then a restart while the conversation waits
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    await fillApplication(owner);
    expect(owner.lastText()).toContain("Tóm tắt hồ sơ");
    await owner.press("📨 Nộp hồ sơ");
    expect(owner.lastText()).toContain("LS-2028-0001");
    const [row] = await db.select().from(applications);
    expect(row?.counterpartFunds).toBe(350_000_000n);
    expect(await db.select().from(applicationFiles)).toHaveLength(1);
    expect((await db.select().from(establishments))[0]?.name).toBe("Hợp tác xã Chè <Bắc Sơn> & Co");
  });

  it("resumes from the saved answers after a deploy that changed the form's code (stored conversation dropped)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 902);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("Cơ sở mộc Tân Thành");
    await owner.press("Doanh nghiệp");
    expect(owner.lastText()).toContain("Mã số thuế");
    expect((await db.select().from(conversationState)).length).toBe(1);
    world.restart({ conversationVersion: 99 });
    // The answer typed to the question asked before the deploy is not lost.
    await owner.send("0100109106");
    expect(owner.lastText()).toContain("được cấp ngày nào");
    const [row] = await db.select().from(establishments);
    expect(row?.taxCode).toBe("0100109106");
    expect(row?.name).toBe("Cơ sở mộc Tân Thành");
  });

  it("keeps the conversation's stored state small: one question's updates, not the whole form", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 903);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    const sizes: number[] = [];
    for (const row of await db.select().from(conversationState))
      sizes.push(JSON.stringify(row.value).length);
    expect(sizes.length).toBeLessThanOrEqual(1);
    expect(Math.max(0, ...sizes)).toBeLessThan(8_000);
  });

  it("carries on from the saved answers when the open question no longer exists in the new code", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 904);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("Cơ sở mộc Tân Thành");
    const [user] = await db.select().from(users).where(eq(users.id, 904));
    await db
      .update(users)
      .set({
        openForm: {
          ...(user?.openForm as NonNullable<typeof user>["openForm"] & object),
          questionId: "a-question-removed-since",
        },
      })
      .where(eq(users.id, 904));
    await db.delete(conversationState);
    world.restart({ conversationVersion: 2 });
    await owner.send("Doanh nghiệp");
    expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
    const [row] = await db.select().from(establishments);
    expect(row?.name).toBe("Cơ sở mộc Tân Thành");
  });
});
