import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, establishments, users } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { validTaxCode } from "../support/tax-codes.ts";
import { answerTaxCodeDetails, fillProfile } from "./walk.ts";

/** A new owner who tapped "Đăng ký hỗ trợ" and answered the profile's first questions. */
async function ownerPartWayThroughProfile(
  world: ReturnType<typeof createTestWorld>,
  id: number,
): Promise<TestUser> {
  const owner = new TestUser(world, id);
  await owner.consent();
  await owner.send("📝 Đăng ký hỗ trợ");
  await owner.send("Hợp tác xã Chè Bắc Sơn");
  await owner.press("Hợp tác xã");
  await owner.send(validTaxCode(id));
  await answerTaxCodeDetails(owner);
  expect(owner.lastText()).toContain("Cơ sở ở xã, phường nào");
  return owner;
}

/** The rest of the profile from the commune on (the owner is at the commune question). */
async function finishProfileFromCommune(owner: TestUser): Promise<void> {
  await owner.send("xa cao loc");
  await owner.send("Thôn Nà Pàn");
  await owner.send("Hoàng Văn Minh");
  await owner.send("Chủ nhiệm hợp tác xã");
  await owner.sendContact("84912345678");
  await owner.press("Bỏ qua");
  await owner.send("Chế biến chè");
  await owner.send("Chè Ô Long");
  await owner.send("15");
}

describeWithDatabase("leaving a form and coming back to it", (database) => {
  it("after /cancel → keep → Điền tiếp, finishing the profile goes on into the application (issue 14.1)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerPartWayThroughProfile(world, 2101);
    await owner.send("/cancel");
    await owner.press("💾 Giữ lại");
    // The profile is named as what it is (issue 14.2), in the message and on the menu's button.
    expect(owner.lastText()).toContain("Đã giữ thông tin cơ sở Anh/Chị đang điền");
    expect(owner.lastText()).toContain("bấm “▶️ Điền tiếp thông tin cơ sở”");
    expect(owner.lastReplyKeyboard()?.flat()).toContain("▶️ Điền tiếp thông tin cơ sở");
    expect(owner.lastReplyKeyboard()?.flat()).not.toContain("▶️ Điền tiếp hồ sơ");
    const [paused] = await db.select().from(users).where(eq(users.id, 2101));
    expect(paused?.openForm).toMatchObject({
      kind: "profile",
      paused: true,
      continueWith: "application",
    });

    // While paused, what the owner types is not an answer.
    await owner.send("xa cao loc");
    expect(owner.lastText()).toContain("chưa hiểu ý");
    expect((await db.select().from(establishments))[0]?.communeCode).toBeNull();

    const resumed = await owner.send("▶️ Điền tiếp thông tin cơ sở");
    // The menu goes away with the first message; the question has buttons, so it comes second.
    expect(resumed.map((message) => message.text)).toEqual([
      "Mời Anh/Chị điền tiếp thông tin cơ sở.",
      expect.stringContaining("Cơ sở ở xã, phường nào"),
    ]);
    await finishProfileFromCommune(owner);
    await owner.press("✅ Thông tin đã đúng");
    const last = owner.lastText();
    expect(last).toContain("sản xuất hàng công nghiệp");
    expect(owner.texts().join("\n")).not.toContain("Để lập hồ sơ đề nghị hỗ trợ, Anh/Chị bấm");
    // Issue 14.11: one greeting, not two, between the profile and the application.
    const greeting = owner.texts().at(-2) ?? "";
    expect(greeting).toContain("✅ Đã lưu thông tin cơ sở.");
    expect(greeting).toContain("Mời Anh/Chị lập hồ sơ đề nghị hỗ trợ khuyến công");
    expect(greeting.match(/Mời Anh\/Chị/g)).toHaveLength(1);
    expect(await db.select().from(applications)).toHaveLength(1);
  });

  it("opening the profile again by its command keeps where it was going", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerPartWayThroughProfile(world, 2102);
    await owner.send("/applications");
    await owner.press("⏸ Để sau");
    await owner.send("/profile");
    expect(owner.lastText()).toContain("Cơ sở ở xã, phường nào");
    await finishProfileFromCommune(owner);
    await owner.press("✅ Thông tin đã đúng");
    expect(owner.lastText()).toContain("sản xuất hàng công nghiệp");
  });

  it("/cancel offers to keep going, which asks the same question again and takes its answer (issue 14.6)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerPartWayThroughProfile(world, 2103);
    await owner.send("/cancel");
    const offer = owner.findButton("▶️ Điền tiếp");
    expect(offer).toBeDefined();
    expect(owner.findButton("💾 Giữ lại, điền sau")).toBeDefined();
    expect(owner.findButton("🗑 Xoá bản nháp")).toBeDefined();
    await owner.press("▶️ Điền tiếp");
    expect(owner.lastText()).toContain("Cơ sở ở xã, phường nào");
    await owner.send("xa cao loc");
    expect((await db.select().from(establishments))[0]?.communeCode).toBe("06211");
  });

  it("deleting a draft asks first, naming it and what will be lost; 'Không xoá' keeps everything", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerPartWayThroughProfile(world, 2104);
    await owner.send("/cancel");
    await owner.press("🗑 Xoá bản nháp");
    expect(owner.lastText()).toBe(
      "Anh/Chị chắc chắn muốn xoá bản nháp thông tin cơ sở “Hợp tác xã Chè Bắc Sơn”? 5 câu trả lời đã điền sẽ mất và không khôi phục được.",
    );
    // Nothing is deleted by the first tap.
    expect(await db.select().from(establishments)).toHaveLength(1);
    await owner.press("↩️ Không xoá");
    expect(owner.lastText()).toContain("Cơ sở ở xã, phường nào");
    await owner.send("/cancel");
    await owner.press("🗑 Xoá bản nháp");
    await owner.press("🗑 Xoá hẳn bản nháp");
    expect(owner.lastText()).toContain("Đã xoá bản nháp thông tin cơ sở.");
    expect(await db.select().from(establishments)).toHaveLength(0);
    const [user] = await db.select().from(users).where(eq(users.id, 2104));
    expect(user?.openForm).toBeNull();
    expect(
      owner
        .lastReplyKeyboard()
        ?.flat()
        .some((label) => label.startsWith("▶️")),
    ).toBe(false);
  });

  it("a paused form's old buttons do not answer; they bring the form back", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2105);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("Cơ sở mộc");
    const legalForm = owner.findButton("Doanh nghiệp");
    await owner.send("/cancel");
    await owner.press("💾 Giữ lại");
    await owner.pressData(legalForm.data, legalForm.messageId);
    expect((await db.select().from(establishments))[0]?.legalForm).toBeNull();
    expect(world.api.callsTo("answerCallbackQuery").at(-1)?.params.text).toContain(
      "không còn dùng được",
    );
    // "Điền tiếp" brings it back at the same question, whose buttons then answer again.
    await owner.send("▶️ Điền tiếp thông tin cơ sở");
    expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
    await owner.press("Doanh nghiệp");
    expect((await db.select().from(establishments))[0]?.legalForm).toBe("enterprise");
  });

  it("names what is being filled in when another command comes in the middle (issue 14.2)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2106);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("/applications");
    expect(owner.lastText()).toBe(
      "Anh/Chị đang điền dở thông tin cơ sở. Anh/Chị muốn điền tiếp hay để sau?",
    );
    await owner.press("▶️ Điền tiếp");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    await owner.send("/apply");
    await owner.send("/applications");
    expect(owner.lastText()).toContain("Anh/Chị đang điền dở hồ sơ đề nghị hỗ trợ.");
  });

  it("a paused draft deleted meanwhile is no longer offered", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerPartWayThroughProfile(world, 2107);
    await owner.send("/cancel");
    await owner.press("💾 Giữ lại");
    await db.delete(establishments);
    await owner.send("/start");
    expect(owner.lastText()).not.toContain("đang điền dở");
    expect(
      owner
        .lastReplyKeyboard()
        ?.flat()
        .some((label) => label.startsWith("▶️")),
    ).toBe(false);
    const [user] = await db.select().from(users).where(eq(users.id, 2107));
    expect(user?.openForm).toBeNull();
    await owner.send("▶️ Điền tiếp thông tin cơ sở");
    expect(owner.lastText()).toContain("Anh/Chị không có gì đang điền dở.");
  });
});
