import { expect, it } from "vitest";
import { applications, establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { validTaxCode } from "../support/tax-codes.ts";
import { answerTaxCodeDetails, fillProfile } from "./walk.ts";

/** An owner at the application's total cost question. */
async function ownerAtTotalCost(world: ReturnType<typeof createTestWorld>, id: number) {
  const owner = new TestUser(world, id);
  await owner.consent();
  await owner.send("/apply");
  await fillProfile(owner);
  await owner.press("✅ Thông tin đã đúng");
  await owner.press("Có");
  await owner.press("Khuyến công địa phương");
  await owner.press("4. ");
  await owner.send("Máy sấy chè");
  await owner.send("Mua máy sấy chè 500 kg/mẻ");
  expect(owner.lastText()).toContain("Tổng kinh phí thực hiện là bao nhiêu?");
  return owner;
}

describeWithDatabase("amounts read back before they are saved (issue 13.1)", (database) => {
  it("an amount in words is read back in figures and words, and saved only once confirmed", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtTotalCost(world, 2401);
    await owner.send("sáu trăm triệu");
    expect(owner.lastText()).toBe(
      "Anh/Chị ghi “sáu trăm triệu”. Chúng tôi hiểu là: <b>600 triệu đồng</b> (Sáu trăm triệu đồng). Đúng không?",
    );
    expect(owner.findButton("✅ Đúng, 600 triệu đồng")).toBeDefined();
    expect(owner.findButton("✏️ Gõ lại")).toBeDefined();
    expect((await db.select().from(applications))[0]?.totalCost).toBeNull();
    await owner.press("✅ Đúng, 600 triệu đồng");
    expect((await db.select().from(applications))[0]?.totalCost).toBe(600_000_000n);
    // Confirmed already: the next question comes without reading it back again.
    expect(owner.lastText()).toMatch(/^<i>Bước 7\/12<\/i>\nKinh phí Anh\/Chị đề nghị hỗ trợ/);
    // A mixed form ("2 triệu rưỡi" is 2,5 triệu) is an interpretation too; "Gõ lại" asks again.
    await owner.send("2 triệu rưỡi");
    expect(owner.lastText()).toContain(
      "Anh/Chị ghi “2 triệu rưỡi”. Chúng tôi hiểu là: <b>2,5 triệu đồng</b> (Hai triệu năm trăm nghìn đồng)",
    );
    await owner.press("✏️ Gõ lại");
    expect(owner.lastText()).toContain("Kinh phí Anh/Chị đề nghị hỗ trợ là bao nhiêu?");
    expect((await db.select().from(applications))[0]?.requestedSupport).toBeNull();
    // Plain figures are read back with the next question, and not confirmed.
    await owner.send("250.000.000");
    expect(owner.lastText()).toContain(
      "Đã ghi: <b>250 triệu đồng</b> (Hai trăm năm mươi triệu đồng).\n\n<i>Bước 8/12</i>",
    );
    expect((await db.select().from(applications))[0]?.requestedSupport).toBe(250_000_000n);
  });

  it("a read-back waiting for its tap survives a restart; a deploy that dropped it asks again", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtTotalCost(world, 2402);
    await owner.send("2 tỷ 5");
    expect(owner.lastText()).toContain("Chúng tôi hiểu là: <b>2,5 tỷ đồng</b>");
    await owner.press("✏️ Gõ lại");
    await owner.send("một tỷ rưỡi");
    world.restart();
    await owner.press("✅ Đúng, 1,5 tỷ đồng");
    expect((await db.select().from(applications))[0]?.totalCost).toBe(1_500_000_000n);
    await owner.send("ba trăm triệu");
    world.restart({ conversationVersion: 99 });
    await owner.press("✅ Đúng, 300 triệu đồng");
    expect(owner.texts().at(-2)).toContain("câu trả lời chờ xác nhận không còn");
    expect(owner.lastText()).toContain("Kinh phí Anh/Chị đề nghị hỗ trợ là bao nhiêu?");
    expect((await db.select().from(applications))[0]?.requestedSupport).toBeNull();
    await owner.send("300 triệu");
    expect((await db.select().from(applications))[0]?.requestedSupport).toBe(300_000_000n);
  });
});

describeWithDatabase("an answer that looks like another question's (issue 14.10)", (database) => {
  it("asks 'Anh/Chị có chắc không?' with buttons before saving it", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2403);
    await owner.consent();
    await owner.send("/profile");
    // A number for a name.
    await owner.send("25");
    expect(owner.lastText()).toContain("Anh/Chị ghi “25”: chỉ là một con số");
    expect(owner.lastText()).toContain("Anh/Chị có chắc không?");
    expect((await db.select().from(establishments))[0]?.name).toBeNull();
    await owner.press("✏️ Gõ lại");
    expect(owner.lastText()).toContain("Tên cơ sở của Anh/Chị là gì?");
    await owner.send("Hợp tác xã 19/5");
    await owner.press("Hợp tác xã");
    await owner.send(validTaxCode(2403));
    await answerTaxCodeDetails(owner);
    await owner.send("xa cao loc");
    await owner.send("Thôn Nà Pàn");
    await owner.send("Hoàng Văn Minh");
    await owner.send("Chủ nhiệm");
    await owner.send("0912345678");
    await owner.press("Bỏ qua");
    // A head count for the trade: asked about; the owner types the trade instead.
    await owner.send("khoảng 25 người");
    expect(owner.lastText()).toContain(
      "Anh/Chị ghi “khoảng 25 người”: trông giống một số lượng (người, lao động…)",
    );
    await owner.send("Chế biến chè");
    expect(owner.lastText()).toContain("Sản phẩm chính của cơ sở là gì?");
    // The read-back's buttons went when another answer came.
    expect(() => owner.findButton("✅ Đúng, giữ nguyên")).toThrow();
    // A phone for a product: the owner insists, and it is kept as typed.
    await owner.send("0912 345 678");
    expect(owner.lastText()).toContain("trông giống một số điện thoại");
    await owner.press("✅ Đúng, giữ nguyên");
    expect(owner.lastText()).toContain("Cơ sở có bao nhiêu lao động?");
    const [row] = await db.select().from(establishments);
    expect(row).toMatchObject({
      name: "Hợp tác xã 19/5",
      sector: "Chế biến chè",
      mainProducts: "0912 345 678",
    });
  });
});

describeWithDatabase("the plan year explained in one line (issue 14.9)", (database) => {
  it("after this year's deadline, says which registration closed and why it is the year after next", async () => {
    const world = createTestWorld(database().db, { now: "2026-11-29T03:00:00Z" });
    const owner = new TestUser(world, 2404);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    const lines = (owner.texts().at(-2) ?? "").split("\n");
    expect(lines).toContain(
      "Đăng ký cho kế hoạch năm 2027 đã kết thúc ngày 31/10/2026, nên hồ sơ này đăng ký cho kế hoạch năm 2028 (hạn 31/10/2027).",
    );
  });

  it("before the deadline, says the plan year and its deadline", async () => {
    const world = createTestWorld(database().db, { now: "2026-06-15T03:00:00Z" });
    const owner = new TestUser(world, 2405);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    const intro = owner.texts().at(-2) ?? "";
    expect(intro).toContain("Hồ sơ đăng ký cho kế hoạch năm 2027; hạn đăng ký là 31/10/2026.");
    expect(intro).not.toContain("đã kết thúc");
  });
});
