import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  applicationHistory,
  applications,
  officerCards,
  users,
} from "../../src/db/schema/index.ts";
import { reviewCallback } from "../../src/services/applications/buttons.ts";
import { createTestWorld, TestUser } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { fillApplication, fillProfile } from "./walk.ts";

const GROUP = -1001234567890;

describeWithDatabase("officers review in the bot", (database) => {
  async function setting(options: { program?: "local" | "national" } = {}) {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [9], officerChatId: GROUP });
    const officer = new TestUser(world, 9, { firstName: "Lan", username: "lan_ckt" });
    await officer.consent();
    const owner = new TestUser(world, 701);
    await owner.consent();
    await owner.send("/apply");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    await fillApplication(owner, { program: options.program ?? "local" });
    await owner.press("📨 Nộp hồ sơ");
    await world.flushOutbox();
    const [application] = await db.select().from(applications);
    if (!application) throw new Error("no application");
    return { db, world, officer, owner, group: officer.inGroup(GROUP), application };
  }
  const status = async (db: ReturnType<typeof database>["db"]) =>
    (await db.select().from(applications))[0]?.status;

  it("a card reaches every officer and the group; bổ sung on two answers, fixed by the owner, then approval with an amount", async () => {
    const { db, world, officer, owner, group } = await setting();
    // The card: in the officer's chat and in the group, with the application's essentials.
    const card = officer.lastText();
    expect(card).toContain("Hồ sơ <b>LS-2028-0001</b> — Đã nộp, chờ tiếp nhận");
    expect(card).toContain("Hợp tác xã Chè &lt;Bắc Sơn&gt; &amp; Co · xã Cao Lộc");
    expect(card).toContain("Máy móc thiết bị".slice(0, 0));
    expect(card).toContain(
      "Tổng kinh phí 600 triệu đồng · đề nghị hỗ trợ 250 triệu đồng · vốn đối ứng 350 triệu đồng",
    );
    expect(group.lastText()).toContain("LS-2028-0001");
    expect(await db.select().from(officerCards)).toHaveLength(2);

    // One tap in the group: received, shown on the group's card at once, told to the owner.
    await group.press("📬 Tiếp nhận");
    expect(await status(db)).toBe("received");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("đã được Trung tâm Khuyến công");
    // The officer's own card is edited in place through the outbox: it shows who acted.
    const edited = [...world.api.messages.values()].find(
      (m) => m.chat_id === 9 && m.text?.includes("LS-2028-0001"),
    );
    expect(edited?.text).toContain("Đã tiếp nhận — Lan @lan_ckt");

    // Bổ sung: two answers flagged, with a note.
    await officer.press("📝 Yêu cầu bổ sung");
    await officer.press(/▫️ 5\. /);
    await officer.press(/▫️ 6\. /);
    await officer.press("✅ Xong, ghi chú tiếp");
    expect(officer.lastText()).toContain("cần sửa, bổ sung những gì");
    await officer.send("Báo giá máy sấy cao hơn thực tế, đề nghị xem lại tổng kinh phí.");
    expect(officer.lastText()).toContain("Yêu cầu bổ sung hồ sơ LS-2028-0001");
    expect(officer.lastText()).toContain("Tổng kinh phí");
    await officer.press("✅ Xác nhận");
    expect(await status(db)).toBe("needs_info");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("cần bổ sung thông tin");
    expect(owner.lastText()).toContain("Ghi chú: Báo giá máy sấy cao hơn thực tế");

    // The owner answers exactly those two again (and may add a file), then resubmits.
    await owner.press("📝 Bổ sung hồ sơ");
    expect(owner.lastText()).toContain("Báo giá máy sấy cao hơn thực tế");
    expect(owner.lastText()).toContain("Tổng kinh phí thực hiện");
    await owner.send("500 triệu");
    expect(owner.lastText()).toContain("Kinh phí Anh/Chị đề nghị hỗ trợ");
    await owner.send("200 triệu");
    // the counterpart was cleared by the new total: asked again, though not flagged
    await owner.press("✅ Đúng");
    await owner.sendPhoto("bao-gia-moi");
    await owner.press("✅ Xong");
    expect(owner.lastText()).toContain("Bổ sung hồ sơ LS-2028-0001");
    expect(owner.lastText()).toContain("← 600 triệu đồng");
    await owner.press("📨 Gửi bổ sung");
    expect(owner.lastText()).toContain("Đã gửi bổ sung hồ sơ LS-2028-0001 (3 mục thay đổi)");
    const [after] = await db.select().from(applications);
    expect(after).toMatchObject({
      status: "reviewing",
      totalCost: 500_000_000n,
      requestedSupport: 200_000_000n,
      counterpartFunds: 300_000_000n,
      title: "Hỗ trợ ứng dụng máy sấy chè",
    });
    await world.flushOutbox();
    expect(officer.texts().join("\n")).toContain("Chủ cơ sở đã bổ sung hồ sơ <b>LS-2028-0001</b>");

    // The detail shows both versions of each changed answer.
    await officer.send("/find LS-2028-0001");
    await officer.press("LS-2028-0001");
    const detail = officer.lastText();
    expect(detail).toContain("Tổng kinh phí: <s>600 triệu đồng</s> → 500 triệu đồng");
    expect(detail).toContain(`Mã số thuế:`);
    expect(detail).toContain("Điện thoại: 0912 345 678");

    // Approval with an amount above the request: a doubt, then the officer's own figure.
    await officer.press("✅ Phê duyệt");
    await officer.send("220 triệu");
    expect(officer.lastText()).toContain("lớn hơn kinh phí đề nghị hỗ trợ (200 triệu đồng)");
    await officer.send("180 triệu");
    await officer.press("Không ghi chú");
    expect(officer.lastText()).toContain("Phê duyệt hồ sơ LS-2028-0001");
    expect(officer.lastText()).toContain("180 triệu đồng (Một trăm tám mươi triệu đồng)");
    await officer.press("✅ Xác nhận");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("đã được phê duyệt. Mức hỗ trợ: <b>180 triệu đồng</b>");
    const [approved] = await db.select().from(applications);
    expect(approved).toMatchObject({
      status: "approved",
      approvedAmount: 180_000_000n,
      decidedBy: 9,
    });
  });

  it("a refusal carries its reason to the owner", async () => {
    const { db, world, officer, owner } = await setting();
    await officer.press("✖️ Không chấp thuận");
    expect(officer.lastText()).toContain("Lý do không chấp thuận");
    await officer.send("Cơ sở không thuộc địa bàn nông thôn.");
    await officer.press("✅ Xác nhận");
    expect(await status(db)).toBe("rejected");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("không được chấp thuận");
    expect(owner.lastText()).toContain("Ghi chú: Cơ sở không thuộc địa bàn nông thôn.");
  });

  it("a national application the Ministry did not select moves to the local programme with one tap", async () => {
    const { db, world, officer, owner } = await setting({ program: "national" });
    await officer.press("📬 Tiếp nhận");
    await officer.press("🗂 Xem xét");
    await officer.press("📤 Gửi Bộ Công Thương");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("đã được gửi Bộ Công Thương");
    await officer.press("Bộ không chọn");
    await officer.send("Bộ ưu tiên đề án nhóm năm nay.");
    await officer.press("✅ Xác nhận");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("không được Bộ Công Thương chọn");
    await owner.press("↪️ Chuyển sang địa phương");
    expect(owner.lastText()).toContain("Chuyển hồ sơ LS-2028-0001 sang khuyến công địa phương");
    await owner.press("↪️ Chuyển sang địa phương");
    await owner.press("✅ Xong").catch(() => owner.press("Bỏ qua"));
    await owner.press("📨 Chuyển và nộp lại");
    const [moved] = await db.select().from(applications);
    expect(moved).toMatchObject({ status: "submitted", program: "local", code: "LS-2028-0001" });
    await world.flushOutbox();
    expect(officer.texts().join("\n")).toContain("chuyển sang khuyến công địa phương và nộp lại");
  });

  it("after approval: implementation, nghiệm thu and giải ngân, each told and shown on the owner's road", async () => {
    const { db, world, officer, owner } = await setting();
    await officer.press("📬 Tiếp nhận");
    await officer.press("🗂 Xem xét");
    await officer.press("✅ Phê duyệt");
    await officer.press("✅ 250 triệu đồng");
    await officer.send("Đúng định mức.");
    await officer.press("✅ Xác nhận");
    await world.flushOutbox(); // the card in the officer's chat now offers the next step
    await officer.press("🛠 Bắt đầu thực hiện");
    await officer.press("📋 Nghiệm thu");
    await officer.press("✅ 250 triệu đồng");
    await officer.press("Không ghi chú");
    await officer.press("✅ Xác nhận");
    await world.flushOutbox();
    await officer.press("💰 Giải ngân");
    await officer.send("245 triệu");
    await officer.press("Không ghi chú");
    await officer.press("✅ Xác nhận");
    const [paid] = await db.select().from(applications);
    expect(paid).toMatchObject({
      status: "disbursed",
      approvedAmount: 250_000_000n,
      acceptedAmount: 250_000_000n,
      disbursedAmount: 245_000_000n,
    });
    await world.flushOutbox();
    const told = owner.texts().join("\n");
    for (const text of [
      "đã được phê duyệt",
      "giai đoạn thực hiện",
      "đã được nghiệm thu",
      "đã được giải ngân: <b>245 triệu đồng</b>",
    ]) {
      expect(told).toContain(text);
    }
    await owner.send("/status LS-2028-0001");
    const road = owner.lastText();
    expect(road).toContain("✅ Nộp hồ sơ — 23/11/2026");
    expect(road).toContain("✅ Được phê duyệt — 23/11/2026 · 250 triệu đồng");
    expect(road).toContain("✅ Giải ngân — 23/11/2026 · 245 triệu đồng");
    expect(road).not.toContain("Gửi Bộ Công Thương"); // a local application does not go to the Ministry
  });

  it("two officers at the same moment: one wins, the other is told who acted", async () => {
    const { db, world, officer, group } = await setting();
    const second = new TestUser(world, 10, { firstName: "Minh" });
    await second.consent();
    await db.update(users).set({ role: "officer" }).where(eq(users.id, 10));
    // Both see the card offering "Tiếp nhận"; the first press wins.
    const inGroup = group.findButton("📬 Tiếp nhận");
    await officer.press("📬 Tiếp nhận");
    await second.inGroup(GROUP).pressData(inGroup.data, inGroup.messageId);
    expect(second.inGroup(GROUP).lastText()).toContain(
      "đã được Lan @lan_ckt chuyển sang “Đã tiếp nhận”",
    );
    // The group's card now shows the current state, and the next step.
    expect(group.findButton("🗂 Xem xét").messageId).toBe(inGroup.messageId);
    const history = await db
      .select()
      .from(applicationHistory)
      .where(eq(applicationHistory.toStatus, "received"));
    expect(history).toHaveLength(1);
  });

  it("refuses and logs a non-officer's press, forged data, and a removed officer", async () => {
    const { db, world, officer, owner, application } = await setting();
    const warnings: unknown[] = [];
    world.deps.logger = Object.assign(Object.create(world.deps.logger), {
      child: () => ({
        warn: (o: unknown) => warnings.push(o),
        info: () => {},
        error: () => {},
        debug: () => {},
      }),
    });
    world.restart();
    const press = reviewCallback.pack({ action: "receive", id: application.id, at: "submitted" });
    await owner.pressData(press);
    await owner.pressData(
      reviewCallback.pack({ action: "view", id: application.id + 1, at: "submitted" }),
    );
    await owner.pressData(`rv:1:approve:${application.id}:submitted:admin`);
    expect(await status(db)).toBe("submitted");
    expect(warnings.length).toBeGreaterThanOrEqual(2);

    // An invited officer, then removed: refused at the very next press.
    await officer.send("/officers");
    await officer.press("➕ Mời cán bộ");
    const code = /\/join ([A-Z2-9]{12})/.exec(officer.lastText())?.[1] ?? "";
    const newcomer = new TestUser(world, 11, { firstName: "Hà" });
    await newcomer.consent();
    await newcomer.send(`/join ${code}`);
    expect(newcomer.lastText()).toContain("đã được cấp quyền cán bộ");
    // Their chat's command menu gains the officers' commands (and loses them when removed, below).
    const menuCalls = () =>
      world.api.calls.filter(
        (call) =>
          ["setMyCommands", "deleteMyCommands"].includes(call.method) &&
          (call.params.scope as { chat_id?: number } | undefined)?.chat_id === 11,
      );
    const joined = menuCalls().at(-1);
    expect(joined?.method).toBe("setMyCommands");
    const commands = ((joined?.params.commands ?? []) as { command: string }[]).map(
      (c) => c.command,
    );
    expect(commands).toEqual(expect.arrayContaining(["inbox", "find", "export", "stats", "apply"]));
    expect(commands).not.toContain("officers");
    await newcomer.send(`/join ${code}`);
    expect(newcomer.lastText()).toContain("đã có quyền cán bộ");
    await newcomer.send("/inbox");
    expect(newcomer.lastText()).toContain("Hồ sơ chờ xử lý: 1");
    await officer.send("/officers");
    await officer.press(/Bỏ quyền Hà/);
    await officer.press("Bỏ quyền cán bộ");
    expect(menuCalls().at(-1)?.method).toBe("deleteMyCommands");
    await newcomer.pressData(press);
    expect(await status(db)).toBe("submitted");
    await newcomer.send("/inbox");
    expect(newcomer.lastText()).toContain("chỉ dành cho cán bộ");
    // An expired invite does not work.
    await officer.send("/officers");
    await officer.press("➕ Mời cán bộ");
    const late = /\/join ([A-Z2-9]{12})/.exec(officer.lastText())?.[1] ?? "";
    world.clock.advance(49 * 3600 * 1000);
    await newcomer.send(`/join ${late}`);
    expect(newcomer.lastText()).toContain("đã hết hạn");
  });

  it("an owner's question reaches the officers; a reply (button or quote) reaches the owner; both are kept", async () => {
    const { db, world, officer, owner } = await setting();
    await owner.send("/applications");
    await owner.press("LS-2028-0001");
    await owner.press("💬 Hỏi cán bộ");
    await owner.send("Khi nào cán bộ xuống khảo sát cơ sở ạ?");
    expect(owner.lastText()).toContain("Đã gửi câu hỏi về hồ sơ LS-2028-0001");
    await world.flushOutbox();
    expect(officer.lastText()).toContain("Khi nào cán bộ xuống khảo sát cơ sở ạ?");
    const questionMessage = officer.findButton("💬 Trả lời").messageId;
    await officer.sendReplyTo(questionMessage, "Thứ 5 tuần sau, Anh/Chị nhé.");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("Cán bộ trả lời về hồ sơ <b>LS-2028-0001</b>");
    expect(owner.lastText()).toContain("Thứ 5 tuần sau");
    await owner.press("💬 Hỏi tiếp");
    await owner.send("Cảm ơn cán bộ.");
    await world.flushOutbox();
    await officer.press("💬 Trả lời");
    await officer.send("Không có gì ạ.");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("Không có gì ạ.");
    const thread = await db.select().from(applicationHistory).orderBy(applicationHistory.id);
    expect(thread.filter((entry) => entry.kind !== "status").map((entry) => entry.kind)).toEqual([
      "question",
      "reply",
      "question",
      "reply",
    ]);
  });
});
