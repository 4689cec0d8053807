import { expect, it } from "vitest";
import { establishments } from "../../src/db/schema/index.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { answerTaxCodeDetails } from "./walk.ts";

describeWithDatabase("addresses as owners still write them", (database) => {
  async function atCommuneQuestion(id: number): Promise<TestUser> {
    const owner = new TestUser(createTestWorld(database().db), id);
    await owner.consent();
    await owner.send("/profile");
    await owner.send("Cơ sở mộc Tân Thành");
    await owner.press("Doanh nghiệp");
    await owner.send("0100109106");
    await answerTaxCodeDetails(owner);
    expect(owner.lastText()).toContain("Cơ sở ở xã, phường nào");
    return owner;
  }
  const communeCode = async () =>
    (await database().db.select().from(establishments))[0]?.communeCode;

  it("a former commune with its district is read back as today's commune, confirmed with a tap", async () => {
    const owner = await atCommuneQuestion(3201);
    await owner.send("Hồng Phong, Cao Lộc");
    expect(owner.lastText()).toBe(
      "xã Hồng Phong (cũ, huyện Cao Lộc) nay thuộc <b>xã Đồng Đăng</b>. Đúng không? Nếu đúng, Anh/Chị bấm nút bên dưới; nếu không, Anh/Chị gõ lại tên xã, phường.",
    );
    expect(await communeCode()).toBeNull(); // nothing saved before the owner confirms
    await owner.press("✅ Đúng, xã Đồng Đăng");
    expect(await communeCode()).toBe("06184");
    expect(owner.lastText()).toContain("Địa chỉ cụ thể");
  });

  it("a name shared by today's commune and a former one offers a choice, never a guess", async () => {
    const owner = await atCommuneQuestion(3202);
    await owner.send("Hồng Phong");
    const choice = owner.lastText();
    expect(choice).toContain("“Hồng Phong” có ở nhiều nơi");
    expect(choice).toContain("1. xã Hồng Phong (hiện nay)");
    expect(choice).toContain("xã Hồng Phong cũ, huyện Cao Lộc, nay thuộc xã Đồng Đăng");
    expect(await communeCode()).toBeNull();
    await owner.press("xã Hồng Phong");
    expect(await communeCode()).toBe("06079");
  });

  it("a former township is found and its new ward offered", async () => {
    const owner = await atCommuneQuestion(3203);
    await owner.send("thị trấn Đồng Mỏ");
    expect(owner.lastText()).toContain("thị trấn Đồng Mỏ (cũ, huyện Chi Lăng) nay thuộc");
    await owner.press("✅ Đúng");
    expect(await communeCode()).toMatch(/^06\d{3}$/);
  });
});
