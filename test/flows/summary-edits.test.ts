import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { applications, establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { fillApplication, fillProfile, ownerAtApplicationSummary } from "./walk.ts";

describeWithDatabase("changing an answer from the summary", (database) => {
  it("shows 'Đang sửa mục N — hiện tại: …' and a button to keep it, then returns to the summary (issue 14.3)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2201);
    await owner.consent();
    await owner.send("/profile");
    await fillProfile(owner);
    await owner.press("Sửa mục 10");
    const prompt = owner.lastText();
    expect(prompt).toContain("Đang sửa mục 10 — hiện tại: 0912 345 678");
    expect(prompt).not.toContain("Bước");
    expect(prompt).toContain("Số điện thoại liên hệ?");
    // While editing, the phone is typed: the keep button is inline, no "share" keyboard.
    const replies = await owner.press("↩️ Giữ nguyên");
    expect(replies.find((m) => m.method === "editMessageText")?.text).toContain(
      "Giữ nguyên: 0912 345 678",
    );
    expect(owner.lastText()).toContain("<b>Thông tin cơ sở</b>");
    expect(owner.lastText()).toContain("10. Điện thoại: 0912 345 678");
    // A changed answer is saved and the summary comes back.
    await owner.press("Sửa mục 10");
    await owner.send("0205 3871 234");
    expect(owner.lastText()).toContain("10. Điện thoại: 0205 3871 234");
    const [row] = await db.select().from(establishments);
    expect(row?.phone).toBe("+842053871234");
  });

  it("a closed question keeps its buttons and its layout while editing, with 'Giữ nguyên' on a row of its own", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtApplicationSummary(new TestUser(world, 2202));
    await owner.press("Sửa mục 9");
    const { messageId } = owner.findButton("↩️ Giữ nguyên");
    const markup = world.api.messages.get(messageId)?.reply_markup as {
      inline_keyboard: { text: string }[][];
    };
    expect(markup.inline_keyboard[0]?.map((b) => b.text)).toEqual([
      "1/2028",
      "2/2028",
      "3/2028",
      "4/2028",
    ]);
    expect(markup.inline_keyboard.at(-1)?.map((b) => b.text)).toEqual(["↩️ Giữ nguyên"]);
    expect(owner.lastText()).toContain("Đang sửa mục 9 — hiện tại: 03/2028");
    await owner.press("5/2028");
    expect(owner.lastText()).toContain("9. Bắt đầu: 05/2028");
    const [row] = await db.select().from(applications);
    expect(row?.periodStart).toBe("2028-05");
  });

  it("flags a request above the cap next to its row, with how to fix it, in the words used when it was given (issue 14.5)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2203);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    await owner.press("Có");
    await owner.press("Khuyến công địa phương");
    await owner.press("4. ");
    await owner.send("Dây chuyền sấy chè");
    await owner.send("Mua dây chuyền sấy chè hoàn chỉnh");
    await owner.send("2 tỷ");
    // The cap, from the province file, is said with the question.
    expect(owner.lastText()).toContain("Mức tối đa: 50% tổng kinh phí, không quá 300 triệu đồng");
    await owner.send("900 triệu");
    const given = owner.lastText();
    expect(given).toContain(
      "⚠️ Kinh phí đề nghị hỗ trợ vượt mức tối đa của hồ sơ này là 300 triệu đồng",
    );
    expect(given).toContain("dây chuyền công nghệ hoàn chỉnh đến 450 triệu đồng");
    expect(given).toContain("theo mức khuyến công quốc gia, mức riêng của tỉnh có thể khác");
    await owner.press("✅ Đúng");
    await owner.send("3/2028");
    await owner.send("10/2028");
    await owner.send("Tạo thêm 5 việc làm");
    await owner.press("Bỏ qua");
    const summary = owner.lastText();
    const start = given.indexOf("⚠️");
    const warning = given.slice(start, given.indexOf("\n", start));
    expect(summary).toContain(
      `7. Đề nghị hỗ trợ: 900 triệu đồng <i>(Chín trăm triệu đồng)</i>\n   ${warning} Bấm “Sửa mục 7” nếu cần sửa.`,
    );
    // 350 triệu of 2 tỷ: still above 300 triệu.
    await owner.press("Sửa mục 7");
    await owner.send("350 triệu");
    await owner.press("✅ Đúng");
    expect(owner.lastText()).toContain("7. Đề nghị hỗ trợ: 350 triệu đồng");
    expect(owner.lastText()).toContain("Bấm “Sửa mục 7” nếu cần sửa.");
    // Within the cap: no warning under the row.
    await owner.press("Sửa mục 7");
    await owner.send("300 triệu");
    await owner.press("✅ Đúng");
    expect(owner.lastText()).not.toContain("⚠️");
    const [row] = await db.select().from(applications).where(eq(applications.ownerId, 2203));
    expect(row?.requestedSupport).toBe(300_000_000n);
  });

  it("says 'Đã bỏ qua' for a skip and asks for attachments without a 'Xong' it does not show (issue 14.11)", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2204);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    expect(owner.texts().join("\n")).not.toContain("Đã chọn: (không có)");
    const skipped = world.api.callsTo("editMessageText").map((call) => String(call.params.text));
    expect(skipped.some((text) => text.endsWith("✅ Đã bỏ qua"))).toBe(true);
    await owner.press("✅ Thông tin đã đúng");
    await owner.press("Có");
    await owner.press("Khuyến công địa phương");
    await owner.press("4. ");
    await owner.send("Máy sấy chè");
    await owner.send("Mua máy sấy chè");
    await owner.send("600 triệu");
    await owner.send("250 triệu");
    await owner.press("✅ Đúng");
    await owner.send("3/2028");
    await owner.send("10/2028");
    await owner.send("Tạo thêm 5 việc làm");
    const ask = owner.lastText();
    expect(ask).toContain("Không có thì bấm “Bỏ qua”");
    expect(ask).not.toContain("Xong");
    expect(ask).not.toContain("Đã nhận 0 tệp");
    await owner.sendPhoto();
    expect(owner.lastText()).toContain("Đã nhận 1/10 tệp");
    expect(owner.findButton("✅ Xong")).toBeDefined();
  });

  it("a second application's summary lists what was asked on it, and the screening stays editable on the first", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtApplicationSummary(new TestUser(world, 2205));
    expect(owner.lastText()).toContain("1. Sản xuất công nghiệp, tiểu thủ công nghiệp: Có");
    await owner.press("Sửa mục 1");
    expect(owner.lastText()).toContain("Đang sửa mục 1 — hiện tại: Có");
    await owner.press("Không");
    expect(owner.lastText()).toContain("1. Sản xuất công nghiệp, tiểu thủ công nghiệp: Không");
    expect(owner.lastText()).toContain("Khuyến công chủ yếu hỗ trợ sản xuất công nghiệp");
    expect(owner.lastText()).toContain("Bấm “Sửa mục 1” nếu cần sửa.");
    expect(owner.lastText()).toContain("Có 1 điểm cán bộ sẽ xem thêm");
    await owner.press("📨 Nộp hồ sơ");
    await owner.send("/apply");
    await fillApplication(owner, { eligibility: false, title: "Máy vò chè" });
    expect(owner.lastText()).not.toContain("Sản xuất công nghiệp, tiểu thủ công nghiệp");
    expect(owner.lastText()).toContain("1. Nguồn kinh phí");
  });

  it("keeps a summary of long answers, led by long warnings, within Telegram's limit", async () => {
    const { db } = database();
    const world = createTestWorld(db, { now: "2026-11-29T03:00:00Z" });
    const owner = new TestUser(world, 2206);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    // In English, whose texts are the longer.
    await owner.send("/language");
    await owner.press("🇬🇧 English");
    await owner.press("No");
    await owner.press("National");
    await owner.press("4. ");
    // Cut by code points, as Telegram never sends half an emoji.
    const upTo = (text: string, max: number) => Array.from(text).slice(0, max).join("").trim();
    await owner.send(upTo("Máy <sấy> & chè 🍵 ".repeat(12), 180));
    await owner.send(upTo("Mô tả <dài> & chi tiết 🍵 ".repeat(90), 1850));
    await owner.send("2 tỷ");
    await owner.send("900 triệu");
    await owner.send("100 triệu"); // own funds that do not add up: a warning under its row too
    await owner.send("3/2028");
    await owner.send("10/2028");
    await owner.send(upTo("Kết quả <nhiều> & tốt 🍵 ".repeat(45), 920));
    await owner.press("Skip");
    // Each message reached the fake Telegram, which refuses one over 4096 characters.
    await owner.press("Edit 7");
    await owner.send("950 triệu");
    await owner.send("100 triệu");
    const summary = owner.lastText();
    expect(summary).toContain("⚠️ Support plus counterpart funds make 1,05 tỷ đồng");
    expect(summary).toContain("Tap “Edit 7” to change it.");
    expect(summary).toContain("Tap “Edit 8” to change it.");
    expect(summary).toContain("Tap “Edit 1” to change it.");
  });
});
