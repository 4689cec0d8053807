import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { formSummaryCallback } from "../../src/bot/forms/callbacks.ts";
import {
  applicationFiles,
  applicationHistory,
  applications,
  establishments,
  outbox,
  users,
} from "../../src/db/schema/index.ts";
import { ownerApplicationCallback as applicationCallback } from "../../src/services/applications/buttons.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { validTaxCode } from "../support/tax-codes.ts";
import { fillApplication, fillProfile, ownerAtApplicationSummary } from "./walk.ts";

describeWithDatabase("applying for support", (database) => {
  it("walks from /start through the profile and the application to a receipt with a code", async () => {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [1] });
    await new TestUser(world, 1).consent(); // an officer, to be told of the new application
    const owner = new TestUser(world, 601);
    await owner.consent();
    await owner.send("📝 Đăng ký hỗ trợ");
    expect(owner.lastText()).toContain("Tên cơ sở của Anh/Chị là gì?");
    expect(owner.lastText()).toContain("Bước 1/14");
    await fillProfile(owner);
    expect(owner.lastText()).toContain("Thông tin cơ sở");
    expect(owner.lastText()).toContain("Hợp tác xã Chè &lt;Bắc Sơn&gt; &amp; Co");
    expect(owner.lastText()).toContain("xã Cao Lộc");
    expect(owner.lastText()).toContain("0912 345 678");
    await owner.press("✅ Thông tin đã đúng");
    const [establishment] = await db.select().from(establishments);
    expect(establishment).toMatchObject({
      name: "Hợp tác xã Chè <Bắc Sơn> & Co",
      legalForm: "cooperative",
      taxCode: validTaxCode(601),
      taxCodeIssuedOn: "2019-03-15",
      taxCodeIssuedBy: "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn",
      communeCode: "06211",
      phone: "+84912345678",
      email: "",
      workers: 15,
    });
    expect(establishment?.completedAt).toBeInstanceOf(Date);

    // The screening asks only what the profile cannot say.
    expect(owner.lastText()).toContain("Bước 1/12");
    expect(owner.lastText()).toContain("sản xuất hàng công nghiệp");
    await fillApplication(owner);
    const summary = owner.lastText();
    expect(summary).toContain("Tóm tắt hồ sơ đề nghị hỗ trợ năm 2028");
    expect(summary).toContain("600 triệu đồng <i>(Sáu trăm triệu đồng)</i>");
    expect(summary).toContain("Vốn đối ứng: 350 triệu đồng");
    expect(summary).toContain("03/2028");
    expect(summary).toContain("Theo thông tin cơ sở: hợp tác xã, xã Cao Lộc, 15 lao động.");
    expect(summary).toContain("✅ Cơ sở thuộc đối tượng hỗ trợ khuyến công.");
    const submit = owner.findButton("📨 Nộp hồ sơ");
    await owner.press("📨 Nộp hồ sơ");
    expect(owner.lastText()).toContain("Mã hồ sơ của Anh/Chị: <b>LS-2028-0001</b>");
    // The same press again (a second tap, or this one handled again after a crash that lost its
    // answer): nothing is submitted twice, and the owner is told where the application is.
    await owner.pressData(submit.data, submit.messageId);
    expect(owner.lastText()).toContain("đã được gửi hoặc đã đóng");
    expect(owner.lastText()).toContain("📂 Hồ sơ của tôi");

    const [application] = await db.select().from(applications);
    expect(application).toMatchObject({
      code: "LS-2028-0001",
      status: "submitted",
      program: "local",
      category: "machinery",
      totalCost: 600_000_000n,
      requestedSupport: 250_000_000n,
      counterpartFunds: 350_000_000n,
      periodStart: "2028-03",
      periodEnd: "2028-10",
      eligibility: { industrial: true },
    });
    expect(await db.select().from(applicationFiles)).toHaveLength(1);
    const history = await db.select().from(applicationHistory);
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([["draft", "submitted"]]);
    const notices = await db
      .select()
      .from(outbox)
      .where(eq(outbox.kind, "officer-new-application"));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.chatId).toBe(1);
    const [user] = await db.select().from(users).where(eq(users.id, 601));
    expect(user?.openForm).toBeNull();
  });

  it("lets one owner submit two applications, asking eligibility only the first time", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtApplicationSummary(new TestUser(world, 602));
    await owner.press("📨 Nộp hồ sơ");
    await owner.send("📝 Đăng ký hỗ trợ");
    expect(owner.lastText()).toContain("Bước 1/11");
    await fillApplication(owner, { eligibility: false, title: "Hỗ trợ máy vò chè" });
    await owner.press("📨 Nộp hồ sơ");
    expect(owner.lastText()).toContain("LS-2028-0002");
    const rows = await db.select().from(applications).orderBy(applications.id);
    expect(rows.map((row) => row.code)).toEqual(["LS-2028-0001", "LS-2028-0002"]);
    await owner.send("📂 Hồ sơ của tôi");
    expect(owner.lastText()).toContain("LS-2028-0001");
    expect(owner.lastText()).toContain("Hỗ trợ máy vò chè");
    expect(owner.lastText()).toContain("Đã nộp, chờ tiếp nhận");
  });

  it("changes one answer from the summary and comes back to the summary", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtApplicationSummary(new TestUser(world, 603));
    await owner.press("Sửa mục 4");
    expect(owner.lastText()).toContain("Đang sửa mục 4 — hiện tại: Hỗ trợ ứng dụng máy sấy chè");
    expect(owner.lastText()).toContain("Tên nội dung đề nghị hỗ trợ?");
    await owner.send("Hỗ trợ dây chuyền sấy chè");
    expect(owner.lastText()).toContain("Tóm tắt hồ sơ");
    expect(owner.lastText()).toContain("4. Tên nội dung: Hỗ trợ dây chuyền sấy chè");
    // A smaller total makes the support asked a question again (and says why), then back to the summary.
    await owner.press("Sửa mục 6");
    await owner.send("200 triệu");
    expect(owner.lastText()).toContain("nhỏ hơn kinh phí đề nghị hỗ trợ đã ghi");
    expect(owner.lastText()).toContain("Kinh phí Anh/Chị đề nghị hỗ trợ là bao nhiêu?");
    await owner.send("100 triệu");
    await owner.press("✅ Đúng");
    expect(owner.lastText()).toContain("Vốn đối ứng: 100 triệu đồng");
    // Months are buttons too; the finishing month offers only months from the start on.
    await owner.press("Sửa mục 10");
    expect(owner.findButton("3/2028").data).toBeDefined();
    expect(() => owner.findButton("2/2028")).toThrow();
    await owner.press("12/2028");
    // A month typed instead of tapped: the buttons of the question go away all the same.
    await owner.press("Sửa mục 9");
    await owner.send("4/2028");
    expect(() => owner.findButton("1/2028")).toThrow();
    expect(owner.lastText()).toContain("10. Hoàn thành: 12/2028");
  });

  it("shows details and history, and withdraws after a confirmation", async () => {
    const { db } = database();
    const world = createTestWorld(db);
    const owner = await ownerAtApplicationSummary(new TestUser(world, 604));
    await owner.press("📨 Nộp hồ sơ");
    await owner.send("/applications");
    await owner.press("LS-2028-0001");
    expect(owner.lastText()).toContain("Quá trình xử lý");
    expect(owner.lastText()).toContain("Mua 01 máy sấy chè");
    await owner.press("Rút hồ sơ");
    expect(owner.lastText()).toContain("chắc chắn muốn rút hồ sơ LS-2028-0001");
    await owner.press("Có, rút hồ sơ");
    expect(owner.lastText()).toContain("lý do rút hồ sơ LS-2028-0001 (không bắt buộc)");
    await owner.send("Cơ sở đã tự mua máy.");
    expect(owner.lastText()).toContain("Đã rút hồ sơ LS-2028-0001. Cán bộ phụ trách đã được báo.");
    const [row] = await db.select().from(applications);
    expect(row?.status).toBe("withdrawn");
    await owner.send("/status LS-2028-0001");
    expect(owner.lastText()).toContain("Đã rút");
  });

  it("refuses another owner's code and forged buttons, but lets an officer look any up", async () => {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [9] });
    const owner = await ownerAtApplicationSummary(new TestUser(world, 605));
    await owner.press("📨 Nộp hồ sơ");
    const [row] = await db.select().from(applications);

    const stranger = new TestUser(world, 606);
    await stranger.consent();
    await stranger.send("/status LS-2028-0001");
    expect(stranger.lastText()).toContain("Không tìm thấy hồ sơ LS-2028-0001");
    await stranger.send("/status LS-2028-9999");
    expect(stranger.lastText()).toContain("Không tìm thấy hồ sơ LS-2028-9999");
    const before = stranger.texts().length;
    const id = row?.id ?? 0;
    await stranger.pressData(applicationCallback.pack({ action: "view", id }));
    await stranger.pressData(applicationCallback.pack({ action: "withdraw-yes", id }));
    await stranger.pressData(`own:1:withdraw-yes:${id}:extra`);
    await stranger.pressData(
      formSummaryCallback.pack({ token: "zzzz", action: "submit", question: "" }),
    );
    await stranger.pressData("f:1:abc:'; drop table users; --");
    expect(stranger.texts().slice(before).join("\n")).not.toContain("Mua 01 máy sấy chè");
    const [after] = await db.select().from(applications);
    expect(after?.status).toBe("submitted");

    const officer = new TestUser(world, 9);
    await officer.consent();
    await officer.send("/status ls-2028-0001");
    expect(officer.lastText()).toContain("Mua 01 máy sấy chè");
  });
});
