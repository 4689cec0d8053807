import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, establishments, users } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { fillProfile } from "./walk.ts";

async function ownerInApplication(
  world: ReturnType<typeof createTestWorld>,
  id: number,
): Promise<TestUser> {
  const owner = new TestUser(world, id);
  await owner.consent();
  await owner.send("/apply");
  await fillProfile(owner);
  await owner.press("✅ Thông tin đã đúng");
  await owner.press("Có");
  await owner.press("Khuyến công địa phương");
  await owner.press("4. ");
  await owner.send("Máy sấy chè");
  return owner;
}

describeWithDatabase("in the middle of a form", (database) => {
  it("/cancel offers to go on, keep or delete; keep resumes later at the first unanswered question", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerInApplication(world, 801);
    expect(owner.lastText()).toContain("Anh/Chị mô tả việc cần hỗ trợ");
    await owner.send("/cancel");
    expect(owner.lastText()).toContain("muốn dừng điền hồ sơ đề nghị hỗ trợ");
    await owner.press("💾 Giữ lại");
    expect(owner.lastText()).toContain("Đã giữ hồ sơ đề nghị hỗ trợ Anh/Chị đang điền");
    expect(owner.lastText()).toContain("bấm “▶️ Điền tiếp hồ sơ”");
    expect(owner.lastReplyKeyboard()?.flat()).toContain("▶️ Điền tiếp hồ sơ");
    // Days later, after typing something else:
    world.clock.advance(3 * 24 * 3600 * 1000);
    await owner.send("xin chào");
    expect(owner.lastText()).toContain("chưa hiểu ý");
    await owner.send("▶️ Điền tiếp hồ sơ");
    expect(owner.lastText()).toContain("Mời Anh/Chị điền tiếp hồ sơ đề nghị hỗ trợ.");
    expect(owner.lastText()).toContain("Anh/Chị mô tả việc cần hỗ trợ");
    expect(owner.lastText()).toContain("Bước 5/12");
    const [draft] = await db.select().from(applications);
    expect(draft?.title).toBe("Máy sấy chè");
  });

  it("/cancel then delete asks first, naming what will be lost, then removes the draft", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerInApplication(world, 802);
    await owner.send("/cancel");
    await owner.press("🗑 Xoá bản nháp");
    expect(owner.lastText()).toContain(
      "chắc chắn muốn xoá bản nháp hồ sơ đề nghị hỗ trợ “Máy sấy chè”? 4 câu trả lời",
    );
    expect(await db.select().from(applications)).toHaveLength(1);
    await owner.press("🗑 Xoá hẳn");
    expect(owner.lastText()).toContain("Đã xoá bản nháp hồ sơ đề nghị hỗ trợ");
    expect(await db.select().from(applications)).toHaveLength(0);
    expect((await db.select().from(establishments))[0]?.completedAt).toBeInstanceOf(Date);
    const [user] = await db.select().from(users).where(eq(users.id, 802));
    expect(user?.openForm).toBeNull();
  });

  it("/help explains the current question and asks it again", async () => {
    const world = createTestWorld(database().db);
    const owner = await ownerInApplication(world, 803);
    const replies = await owner.send("/help");
    // The explanation and the question again, in one message.
    expect(replies).toHaveLength(1);
    expect(owner.lastText()).toContain("Mua 01 máy sấy chè công suất 500 kg/mẻ");
    expect(owner.lastText()).toContain("Anh/Chị mô tả việc cần hỗ trợ");
    await owner.send("Mua máy sấy chè 300 kg/mẻ");
    expect(owner.lastText()).toContain("Tổng kinh phí");
  });

  it("another command or menu button offers to continue or leave, and never becomes an answer", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerInApplication(world, 804);
    await owner.send("/applications");
    expect(owner.lastText()).toContain("đang điền dở hồ sơ đề nghị hỗ trợ");
    await owner.press("▶️ Điền tiếp");
    expect(owner.lastText()).toContain("Anh/Chị mô tả việc cần hỗ trợ");
    await owner.send("📂 Hồ sơ của tôi");
    await owner.press("⏸ Để sau");
    expect(owner.lastText()).toContain("Đã giữ hồ sơ đề nghị hỗ trợ");
    await owner.send("/start");
    expect(owner.lastText()).toContain("Chào mừng Anh/Chị quay lại");
    expect(owner.lastText()).toContain(
      "Anh/Chị đang điền dở hồ sơ đề nghị hỗ trợ. Bấm “▶️ Điền tiếp hồ sơ” để điền tiếp.",
    );
    const [draft] = await db.select().from(applications);
    expect(draft?.description).toBeNull();
  });

  it("a switch of language applies to the question being asked and the rest of the form", async () => {
    const world = createTestWorld(database().db);
    const owner = await ownerInApplication(world, 805);
    await owner.send("/language");
    await owner.press("🇬🇧 English");
    expect(owner.texts().at(-2)).toContain("Switched to English");
    expect(owner.lastText()).toContain("Please describe what is to be supported");
    await owner.sendSticker();
    expect(owner.texts().at(-2)).toContain("needs a typed answer");
    await owner.send("A tea dryer, 500 kg per batch");
    expect(owner.lastText()).toContain("What is the total cost?");
    expect(owner.lastText()).toContain("Step 6/12");
    await owner.send("/language");
    await owner.press("🇻🇳 Tiếng Việt");
    expect(owner.lastText()).toContain("Tổng kinh phí thực hiện");
  });
});
