import { expect, it } from "vitest";
import {
  applications,
  conversationState,
  establishments,
  users,
} from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { fillProfile } from "./walk.ts";

describeWithDatabase("personal data (Nghị định 13/2023/NĐ-CP)", (database) => {
  it("shows what is kept, and deletes everything only after a confirmation by its owner", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1201);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    await owner.press("Có"); // a waiting conversation and a draft application exist
    await owner.send("/cancel");
    await owner.press("💾 Giữ lại");
    await owner.send("/mydata");
    expect(owner.lastText()).toContain("Hồ sơ: 1 (trong đó 1 bản nháp)");
    // The establishment by its name, not a count.
    expect(owner.lastText()).toContain("Cơ sở: “Hợp tác xã Chè <Bắc Sơn> & Co”");

    const other = new TestUser(world, 1202);
    await other.consent();
    await owner.send("/deletedata");
    const { data } = owner.findButton("🗑 Xoá toàn bộ");
    await other.pressData(data); // another person presses a copy of the button
    expect(await db.select().from(establishments)).toHaveLength(1);

    await owner.press("🗑 Xoá toàn bộ");
    expect(owner.lastText()).toContain("Đã xoá toàn bộ dữ liệu");
    expect((await db.select().from(users)).map((u) => u.id)).toEqual([1202]);
    expect(await db.select().from(establishments)).toHaveLength(0);
    expect(await db.select().from(applications)).toHaveLength(0);
    expect((await db.select().from(conversationState)).map((row) => row.key)).not.toContain(
      "conversation:1201",
    );
    await owner.send("xin chào");
    expect(owner.lastText()).toContain("Đồng ý");
  });
});
