import { expect, it } from "vitest";
import { establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { validTaxCode } from "../support/tax-codes.ts";

describeWithDatabase("a message sent before its question appeared", (database) => {
  it("is not taken as that question's answer: the question is asked again, then answered", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = new TestUser(world, 1301);
    await owner.consent();
    await owner.send("🏭 Thông tin cơ sở");
    await owner.send("Cơ sở mây tre đan Hữu Lũng");
    await owner.press("Hộ kinh doanh");
    await owner.send(validTaxCode(1301));
    expect(owner.lastText()).toContain("Bước 4/14");
    // The owner, seeing nothing for a while, had typed a date again; it arrives after question 4
    // was sent but was typed before: a valid answer to question 4, yet never meant for it.
    await owner.sendLate("15/03/2019");
    expect(owner.lastText()).toContain("được gửi trước khi câu hỏi này hiện ra");
    expect(owner.lastText()).toContain("Bước 4/14");
    const [before] = await db.select().from(establishments);
    expect(before?.taxCodeIssuedOn).toBeNull();
    await owner.send("15/03/2019");
    expect(owner.lastText()).toContain("Bước 5/14");
    const [after] = await db.select().from(establishments);
    expect(after?.taxCodeIssuedOn).toBe("2019-03-15");
  });
});
