import { expect, it } from "vitest";
import { formAnswerCallback } from "../../src/bot/forms/callbacks.ts";
import { applications, establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { answerTaxCodeDetails, fillProfile } from "./walk.ts";

/** Starts the profile form and answers the first `steps` questions with good answers. */
async function ownerAtProfileStart(
  world: ReturnType<typeof createTestWorld>,
  id: number,
): Promise<TestUser> {
  const owner = new TestUser(world, id);
  await owner.consent();
  await owner.send("/profile");
  return owner;
}

describeWithDatabase(
  "bad input gets a specific message and the same question again",
  (database) => {
    it("stickers, photos, voice, emoji, empty and over-long answers where text is expected", async () => {
      const world = createTestWorld(database().db);
      const owner = await ownerAtProfileStart(world, 701);
      const question = "Tên cơ sở của Anh/Chị là gì?";
      const cases: [() => Promise<unknown>, string][] = [
        [() => owner.sendSticker(), "cần Anh/Chị gõ câu trả lời"],
        [() => owner.sendPhoto(), "Đã nhận ảnh"],
        [() => owner.sendVoice(), "chưa nghe được tin nhắn thoại"],
        [() => owner.sendDocument(), "Đã nhận tệp"],
        [() => owner.send("👍👍"), "cần có chữ hoặc số"],
        [() => owner.send("   "), "Anh/Chị chưa nhập gì"],
        [() => owner.send("Hợp tác xã ".repeat(400)), "quá giới hạn 200 ký tự"],
      ];
      for (const [act, expected] of cases) {
        await act();
        const texts = owner.texts();
        expect(texts.at(-2)).toContain(expected);
        expect(texts.at(-1)).toContain(question);
      }
      // An album of three photos: one explanation, not three.
      const before = owner.texts().length;
      for (const id of ["a1", "a2", "a3"]) await owner.sendPhoto(id, undefined, "album-1");
      expect(owner.texts().length - before).toBe(2);
      await owner.editMessage("Cơ sở mộc Hữu Lũng (sửa)");
      // Said with the question again, in one message.
      expect(owner.lastText()).toContain("Tin nhắn đã sửa không được tính");
      expect(owner.lastText()).toContain(question);
      // A photo with the answer typed as its caption: the caption is the answer.
      await owner.sendPhoto("workshop", "Cơ sở mộc Hữu Lũng");
      expect(owner.lastText()).toContain("Cơ sở thuộc loại hình nào?");
      const [row] = await database().db.select().from(establishments);
      expect(row?.name).toBe("Cơ sở mộc Hữu Lũng");
    });

    it("typed text where a button is expected, a wrong tax code, an unknown commune, a bad phone", async () => {
      const world = createTestWorld(database().db);
      const owner = await ownerAtProfileStart(world, 702);
      await owner.send("Cơ sở mộc Hữu Lũng");
      await owner.send("loại gì cũng được");
      expect(owner.texts().at(-2)).toContain("bấm một nút");
      await owner.send("Hộ kinh doanh"); // the label typed by hand is not taken: buttons only
      await owner.press("Hộ kinh doanh");
      await owner.send("0100109107");
      expect(owner.texts().at(-2)).toContain("0100109107");
      expect(owner.lastText()).toContain("Mã số thuế");
      await owner.send("0100109106");
      // A household business without papers skips the date (and the office) of issue.
      expect(owner.lastText()).toContain("Hộ kinh doanh chưa có giấy tờ thì bấm “Chưa có giấy tờ”");
      await owner.send("31/2/2019");
      expect(owner.texts().at(-2)).toContain("31/2/2019");
      await owner.send("1/1/2099");
      expect(owner.texts().at(-2)).toContain("chưa đến");
      await owner.press("Chưa có giấy tờ");
      expect(owner.texts().join("\n")).not.toContain("Nơi cấp là cơ quan nào");
      await owner.send("Xã Không Có Thật");
      expect(owner.texts().at(-2)).toContain("Không tìm thấy xã, phường “Xã Không Có Thật”");
      expect(owner.lastText()).toContain("Cơ sở ở xã, phường nào");
      await owner.send("huyện Cao Lộc");
      expect(owner.lastText()).toContain("huyện Cao Lộc");
      await owner.press("xã Đồng Đăng");
      expect(owner.texts().join("\n")).toContain("Đã chọn xã Đồng Đăng");
      await owner.send("Thôn Pác Luống");
      await owner.send("Hoàng Thị Lan");
      await owner.send("Chủ hộ");
      await owner.send("12345");
      expect(owner.texts().at(-2)).toContain("12345");
      await owner.send("0912.345.678");
      expect(owner.texts().join("\n")).toContain("Đã lưu số điện thoại 0912 345 678");
    });

    it("pages through the commune list for people who prefer buttons", async () => {
      const world = createTestWorld(database().db);
      const owner = await ownerAtProfileStart(world, 703);
      await owner.send("Cơ sở mộc");
      await owner.press("Doanh nghiệp");
      await owner.send("0100109106");
      expect(() => owner.findButton("Chưa có giấy tờ")).toThrow(); // an enterprise has its papers
      await answerTaxCodeDetails(owner);
      await owner.press("📋 Chọn từ danh sách");
      expect(owner.lastText()).toContain("trang 1/6");
      const firstPage = owner.findButton("Trang sau ▶️");
      await owner.press("Trang sau ▶️");
      const list = world.api.messages.get(firstPage.messageId);
      expect(list?.text).toContain("trang 2/6");
      const markup = list?.reply_markup as { inline_keyboard: { text: string }[][] } | undefined;
      const buttons = markup?.inline_keyboard.flat() ?? [];
      const chosen = buttons[0]?.text ?? "";
      expect(buttons.map((b) => b.text)).toContain("◀️ Trang trước");
      await owner.press(chosen);
      expect(owner.texts().join("\n")).toContain(`Đã chọn ${chosen}`);
      const [row] = await database().db.select().from(establishments);
      expect(row?.communeCode).toMatch(/^0\d{4}$/);
    });

    it("amounts the parser refuses, support over the total, a month outside the plan year, a button from an old message, two taps", async () => {
      const world = createTestWorld(database().db);
      const owner = new TestUser(world, 704);
      await owner.consent();
      await owner.send("/apply");
      await fillProfile(owner);
      await owner.press("✅ Thông tin đã đúng");
      const first = owner.findButton("Có");
      await owner.pressData(first.data, first.messageId);
      await owner.pressData(first.data, first.messageId); // two taps on one button
      expect(owner.lastText()).toContain("Bước 2/12");
      await owner.press("Khuyến công quốc gia");
      await owner.press("4. ");
      await owner.send("Máy ép dầu hồi");
      await owner.send("Mua máy ép tinh dầu hồi 200 lít/ngày");
      await owner.send("sáu trăm triệu đô");
      expect(owner.texts().at(-2)).toContain("Chưa hiểu chữ “đô” trong “sáu trăm triệu đô”");
      await owner.send("600");
      expect(owner.texts().at(-2)).toContain("600 triệu");
      await owner.send("600 triệu");
      await owner.send("700 triệu");
      expect(owner.texts().at(-2)).toContain("lớn hơn tổng kinh phí");
      await owner.send("400 triệu");
      // The read-back and the cap's warning lead the next question, in one message.
      expect(owner.lastText()).toContain("Đã ghi: <b>400 triệu đồng</b>");
      expect(owner.lastText()).toContain("⚠️ Kinh phí đề nghị hỗ trợ vượt mức tối đa");
      expect(owner.lastText()).toContain("300 triệu đồng");
      expect(owner.lastText()).toContain("Vốn đối ứng của cơ sở");
      await owner.press("✅ Đúng");
      await owner.send("3/2026");
      expect(owner.texts().at(-2)).toContain("năm kế hoạch 2028");
      await owner.send("ngày mai");
      expect(owner.lastText()).toContain("Dự kiến bắt đầu");
      await owner.send("5/2028");
      await owner.send("4/2028");
      expect(owner.texts().at(-2)).toContain("không thể trước tháng bắt đầu (05/2028)");
      await owner.send("12/2028");
      // A button from an earlier question: explained, and the current question asked again.
      expect(() => owner.findButton("Khuyến công quốc gia")).toThrow(); // answered buttons are removed
      const before = world.api.callsTo("answerCallbackQuery").length;
      await owner.pressData(formAnswerCallback.pack({ token: "oldtoken", value: "local" }));
      const answers = world.api.callsTo("answerCallbackQuery").slice(before);
      expect(String(answers.at(-1)?.params.text)).toContain("câu hỏi trước");
      expect(owner.lastText()).toContain("Kết quả dự kiến");
      await owner.send("Tạo việc làm cho 6 người");
      await owner.send("không có");
      expect(owner.texts().at(-2)).toContain("gửi ảnh hoặc tệp");
      const acksBefore = owner.texts().length;
      for (let i = 0; i < 4; i++) await owner.sendPhoto(`p${i}`, undefined, "album-2");
      expect(owner.texts().length - acksBefore).toBe(1); // one acknowledgement, edited as photos arrive
      expect([...world.api.messages.values()].at(-1)?.text).toContain("Đã nhận 4/10 tệp");
      for (let i = 4; i < 10; i++) await owner.sendPhoto(`p${i}`);
      await owner.sendPhoto("p-extra");
      expect(owner.texts().at(-2)).toContain("Đã đủ 10 tệp");
      await owner.press("✅ Xong");
      expect(owner.lastText()).toContain("Tóm tắt hồ sơ");
      expect(owner.lastText()).toContain("10 tệp");
      const [row] = await database().db.select().from(applications);
      expect(row?.requestedSupport).toBe(400_000_000n);
    });
  },
);
