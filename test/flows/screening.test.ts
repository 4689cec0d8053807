import { expect, it } from "vitest";
import { applications } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { validTaxCode } from "../support/tax-codes.ts";
import { answerTaxCodeDetails } from "./walk.ts";

/** A profile of an enterprise with `workers` workers, in `commune`. */
async function profileOf(owner: TestUser, commune: string, workers: string): Promise<void> {
  await owner.send("Công ty Chế biến Nông sản Xứ Lạng");
  await owner.press("Doanh nghiệp");
  await owner.send(validTaxCode(owner.id));
  await answerTaxCodeDetails(owner);
  await owner.send(commune);
  await owner.send("Số 5 đường Bà Triệu");
  await owner.send("Lưu Thị Hoa");
  await owner.send("Giám đốc");
  await owner.send("0912 345 678");
  await owner.press("Bỏ qua");
  await owner.send("Chế biến hồi");
  await owner.send("Tinh dầu hồi");
  await owner.send(workers);
  await owner.press("✅ Thông tin đã đúng");
}

describeWithDatabase("the screening derives what the profile says (issue 14.4)", (database) => {
  it("asks only whether it produces goods when the profile settles the rest", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2301);
    await owner.consent();
    await owner.send("/apply");
    await profileOf(owner, "xa cao loc", "300");
    const asked = owner.texts().slice(-2).join("\n");
    expect(asked).toContain("sản xuất hàng công nghiệp");
    // Never again: in the province, its legal form, its workers (300 is within the limit).
    expect(asked).not.toMatch(
      /có đặt tại xã|doanh nghiệp nhỏ và vừa, hợp tác xã|lao động, hoặc vốn/,
    );
    await owner.press("Không");
    // The doubt is explained with the next question, in the same message.
    expect(owner.lastText()).toContain("Khuyến công chủ yếu hỗ trợ sản xuất công nghiệp");
    expect(owner.lastText()).toContain("Anh/Chị đăng ký nguồn kinh phí nào?");
    const [row] = await db.select().from(applications);
    expect(row?.eligibility).toEqual({ industrial: false });
  });

  it("asks about capital only above the workers' limit, with the figures from the province file", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2302);
    await owner.consent();
    await owner.send("/apply");
    await profileOf(owner, "xa cao loc", "450");
    await owner.press("Có");
    expect(owner.lastText()).toContain(
      "Cơ sở có 450 lao động, nhiều hơn 300 người. Tổng nguồn vốn của cơ sở có từ 100 tỷ đồng trở xuống không?",
    );
    await owner.press("Không");
    expect(owner.lastText()).toContain("đến 300 lao động, hoặc vốn đến 100 tỷ đồng");
    const [row] = await db.select().from(applications);
    expect(row?.eligibility).toEqual({ industrial: true, capital: false });
  });

  it("tells an owner in a ward, which the province does not count as rural, that an officer will look at it", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 2303);
    await owner.consent();
    await owner.send("/apply");
    await profileOf(owner, "Đông Kinh", "20");
    const intro = owner.texts().at(-2) ?? "";
    expect(intro).toContain("⚠️ Cơ sở đặt tại phường");
    expect(intro).toContain("Anh/Chị sửa ở “🏭 Thông tin cơ sở”");
    await owner.press("Có");
    await owner.press("Khuyến công địa phương");
    await owner.press("4. ");
    await owner.send("Máy chưng cất tinh dầu hồi");
    await owner.send("Mua nồi chưng cất 500 lít");
    await owner.send("400 triệu");
    await owner.send("150 triệu");
    await owner.press("✅ Đúng");
    await owner.send("4/2028");
    await owner.send("9/2028");
    await owner.send("Tăng sản lượng tinh dầu");
    await owner.press("Bỏ qua");
    const summary = owner.lastText();
    expect(summary).toContain("Theo thông tin cơ sở: doanh nghiệp, phường Đông Kinh, 20 lao động.");
    expect(summary).toContain("⚠️ Cơ sở đặt tại phường");
    expect(summary).toContain("Có 1 điểm cán bộ sẽ xem thêm");
  });
});
