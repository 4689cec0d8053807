import { expect, it } from "vitest";
import { establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { validTaxCode } from "../support/tax-codes.ts";
import { fillProfile } from "./walk.ts";

describeWithDatabase("the establishment profile", (database) => {
  it("is filled in once, then shown as a card and edited field by field", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1101);
    await owner.consent();
    await owner.send("🏭 Thông tin cơ sở");
    expect(owner.lastText()).toContain("Bước 1/14");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    expect(owner.lastText()).toContain("Đã lưu thông tin cơ sở");

    await owner.send("/profile");
    expect(owner.lastText()).toContain("4. Ngày cấp: 15/03/2019");
    expect(owner.lastText()).toContain("5. Nơi cấp: Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn");
    expect(owner.lastText()).toContain("10. Điện thoại: 0912 345 678");
    await owner.press("Sửa mục 10");
    expect(owner.lastText()).toContain("Số điện thoại liên hệ?");
    await owner.send("0205 3871 234");
    expect(owner.lastText()).toContain("10. Điện thoại: 0205 3871 234");
    await owner.press("✔️ Xong");
    expect(owner.lastText()).toContain("Đã lưu thông tin cơ sở");
    await owner.send("/profile");
    await owner.press("Sửa mục 1");
    await owner.send("/cancel");
    expect(owner.lastText()).toContain("Đã dừng sửa");
    expect((await db.select().from(establishments)).length).toBe(1);
    const [row] = await db.select().from(establishments);
    expect(row?.phone).toBe("+842053871234");
    expect(row?.name).toBe("Hợp tác xã Chè <Bắc Sơn> & Co");
  });

  it("one establishment per tax code: another owner's code is refused politely, revealing nothing", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const first = new TestUser(world, 1103);
    await first.consent();
    await first.send("/profile");
    await fillProfile(first);
    await first.press("✅ Thông tin đã đúng");

    const second = new TestUser(world, 1104);
    await second.consent();
    await second.send("/profile");
    await second.send("Cơ sở chè Hữu Lũng");
    await second.press("Hộ kinh doanh");
    await second.send(validTaxCode(1103));
    expect(second.texts().at(-2)).toContain("đã được đăng ký cho một cơ sở khác");
    expect(second.texts().at(-2)).not.toContain("Hợp tác xã Chè");
    expect(second.lastText()).toContain("Mã số thuế của cơ sở là gì?");
    await second.send(validTaxCode(1104));
    expect(second.lastText()).toContain("được cấp ngày nào");
    // A branch (10 digits, dash, 3 digits) is an establishment of its own.
    await first.send("/profile");
    await first.press("Sửa mục 3");
    await first.send(`${validTaxCode(1103)}-001`);
    const rows = await db.select().from(establishments).orderBy(establishments.id);
    expect(rows.map((row) => row.taxCode)).toEqual([
      `${validTaxCode(1103)}-001`,
      validTaxCode(1104),
    ]);
  });
});
