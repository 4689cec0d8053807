import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { calendarEvents, fairRegistrations, outbox, users } from "../../src/db/schema/index.ts";
import { deadlineRemindersJob } from "../../src/jobs/deadline-reminders.ts";
import { fairRemindersJob } from "../../src/jobs/fair-reminders.ts";
import { createTestWorld, TestUser, type TestWorld } from "../support/chat.ts";
import { describeWithDatabase } from "../support/database.ts";
import { fillProfile } from "./walk.ts";

/** Tuesday 24/11/2026, 10:00 in Vietnam. */
const NOW = "2026-11-24T03:00:00Z";

const runJob = (world: TestWorld, job: typeof deadlineRemindersJob) =>
  job.run(world.clock.now(), world.deps);

async function addFair(officer: TestUser, sectors?: string): Promise<void> {
  await officer.send("/events");
  await officer.press("➕ Thêm sự kiện");
  expect(officer.texts().slice(-2).join("\n")).toContain("Thêm sự kiện vào lịch.");
  expect(officer.lastText()).toContain("Sự kiện thuộc loại nào?");
  await officer.press("Hội chợ");
  await officer.send("Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026");
  await officer.send("15/12");
  await officer.send("thứ 7 tuần sau");
  expect(officer.texts().at(-2)).toBe("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
  await officer.send("19-12-2026");
  await officer.send("Quảng trường 17/10, TP Lạng Sơn");
  await officer.send("thứ 7 tuần sau");
  expect(officer.lastText()).toContain("Sự kiện dành cho ai?");
  if (sectors) {
    await officer.press("Theo ngành nghề");
    await officer.send(sectors);
  } else {
    await officer.press("Tất cả chủ cơ sở");
  }
  await officer.press("Bỏ qua");
  const summary = officer.lastText();
  expect(summary).toContain("3. Ngày diễn ra: 15/12/2026");
  expect(summary).toContain("4. Ngày kết thúc: 19/12/2026");
  expect(summary).toContain("6. Hạn đăng ký: 05/12/2026");
  await officer.press("💾 Lưu sự kiện");
  expect(officer.lastText()).toContain(
    "Đã thêm “Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026” vào lịch.",
  );
}

async function registerForFair(owner: TestUser): Promise<void> {
  await owner.send("/events");
  expect(owner.lastText()).toContain(
    "🎪 <b>Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026</b>: ngày 15/12/2026 (còn 21 ngày)",
  );
  await owner.press(/^🎪 Hội chợ/);
  expect(owner.lastText()).toContain("Hạn đăng ký: 17:00 ngày 05/12/2026 (còn 11 ngày)");
  await owner.press("✍️ Đăng ký tham gia");
}

describeWithDatabase("the calendar: events, fairs and registrations", (database) => {
  it("an officer adds a fair; an owner registers; the officer approves, exports, moves and cancels it", async () => {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [9], now: NOW });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await addFair(officer, "chè ,  mây tre");
    // (/events also seeded the coming registration deadline: the fair is the other event)
    const [fair] = await db.select().from(calendarEvents).where(eq(calendarEvents.kind, "fair"));
    expect(fair?.audience).toEqual({ sectors: ["chè", "mây tre"] });
    expect(fair).toMatchObject({
      kind: "fair",
      startsOn: "2026-12-15",
      endsOn: "2026-12-19",
      location: "Quảng trường 17/10, TP Lạng Sơn",
      registrationDeadline: new Date("2026-12-05T10:00:00Z"),
      createdBy: 9,
    });

    const owner = new TestUser(world, 701);
    await owner.consent();
    await owner.send("/profile");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    await registerForFair(owner);
    expect(owner.lastText()).toContain(
      "Đăng ký tham gia “Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026” (hạn 05/12/2026).",
    );
    expect(owner.lastText()).toContain("Cơ sở của Anh/Chị sẽ mang sản phẩm nào đến hội chợ?");
    await owner.send("Chè Ô Long, chè xanh");
    await owner.send("9");
    expect(owner.texts().at(-2)).toBe("Anh/Chị gõ một số từ 1 đến 5.");
    await owner.press("2");
    await owner.press("Không có ghi chú");
    expect(owner.lastText()).toContain("2. Số gian hàng: 2");
    await owner.press("📨 Gửi đăng ký");
    expect(owner.lastText()).toContain(
      "✅ Đã gửi đăng ký tham gia “Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026”.",
    );
    await owner.send("/events");
    expect(owner.lastText()).toContain(
      "• Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026: đang chờ duyệt",
    );

    // the officer sees, approves and exports the registrations
    await officer.send("/events");
    await officer.press(/^🎪 Hội chợ/);
    await officer.press("📋 Danh sách đăng ký");
    expect(officer.lastText()).toContain(
      "1. Hợp tác xã Chè &lt;Bắc Sơn&gt; &amp; Co (2 gian): Chè Ô Long, chè xanh. đang chờ duyệt",
    );
    await officer.press("✅ Duyệt số 1");
    expect(officer.texts().at(-2)).toBe(
      "Đã duyệt đăng ký của Hợp tác xã Chè &lt;Bắc Sơn&gt; &amp; Co. Cơ sở đã được báo.",
    );
    expect(officer.lastText()).toContain("đã được duyệt");
    await world.flushOutbox();
    expect(owner.lastText()).toContain("✅ <b>Đăng ký hội chợ đã được duyệt</b>");
    const [registration] = await db.select().from(fairRegistrations);
    expect(registration).toMatchObject({ status: "approved", booths: 2, decidedBy: 9 });
    await officer.press("📊 Xuất Excel");
    const document = world.api.callsTo("sendDocument").at(-1);
    expect(document?.params.caption).toBe(
      "Danh sách đăng ký “Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026”: 1 cơ sở.",
    );

    // the owner takes it into the phone's calendar
    await owner.press(/^🎪 Hội chợ/);
    await owner.press("📅 Thêm vào lịch");
    const ics = world.api.callsTo("sendDocument").at(-1);
    expect(String(ics?.params.caption)).toContain("Mở tệp này để thêm");

    // moved: the owner who registered is told
    await officer.press(/^🎪 Hội chợ/);
    await officer.press("✏️ Sửa");
    expect(officer.lastText()).toContain(
      "<b>Sự kiện: Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026</b>",
    );
    await officer.press("Sửa mục 3");
    await officer.send("16/12");
    await officer.press("💾 Lưu sự kiện");
    expect(officer.lastText()).toContain("Đã báo cho 1 người về thay đổi.");
    const [moved] = await db.select().from(calendarEvents).where(eq(calendarEvents.kind, "fair"));
    expect(moved).toMatchObject({ startsOn: "2026-12-16", revision: 2 });
    await world.flushOutbox();
    expect(owner.lastText()).toContain(
      "Thời gian mới: từ ngày 16/12/2026 đến ngày 19/12/2026. Hạn đăng ký: ngày 05/12/2026.",
    );

    // cancelled: told again
    await officer.send("/events");
    await officer.press(/^🎪 Hội chợ/);
    await officer.press("🗑 Hủy sự kiện");
    await officer.press("🗑 Có, hủy sự kiện");
    expect(officer.lastText()).toContain(
      "Đã hủy “Hội chợ hàng công nghiệp nông thôn tiêu biểu 2026”. Đã báo cho 1 người.",
    );
    await world.flushOutbox();
    expect(owner.lastText()).toContain("📅 <b>Sự kiện đã bị hủy</b>");
    await owner.send("/events");
    // Only the coming registration deadline is left in the calendar; the fair is gone.
    expect(owner.lastText()).toContain("Đăng ký kế hoạch khuyến công năm 2028");
    expect(owner.lastText()).not.toContain("🎪");
    expect(owner.lastText()).toContain("hội chợ đã bị hủy");
  });

  it("an owner without a profile is asked for it first, told why, then registers from the reminder", async () => {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [9], now: NOW });
    const officer = new TestUser(world, 9);
    await officer.consent();
    await addFair(officer);
    const owner = new TestUser(world, 702);
    await owner.consent();
    world.clock.set(new Date("2026-11-28T01:00:00Z")); // 28/11, 08:00: seven days before the deadline
    await runJob(world, fairRemindersJob);
    await world.flushOutbox();
    expect(owner.lastText()).toContain("🎪 <b>Nhắc hạn đăng ký tham gia hội chợ</b>");
    expect(owner.lastText()).toContain("(còn 7 ngày)");
    await owner.press("✍️ Đăng ký tham gia");
    expect(owner.lastText()).toContain(
      "Trước khi đăng ký hội chợ, Anh/Chị cho biết thông tin về cơ sở.",
    );
    expect(owner.lastText()).not.toContain("lập hồ sơ");
    await fillProfile(owner);
    await owner.press("✅ Thông tin đã đúng");
    expect(owner.lastText()).toContain("Cơ sở của Anh/Chị sẽ mang sản phẩm nào đến hội chợ?");
    await owner.send("Hồi khô");
    await owner.press("1");
    await owner.send("Cần ổ điện");
    await owner.press("📨 Gửi đăng ký");
    const [registration] = await db.select().from(fairRegistrations);
    expect(registration).toMatchObject({ ownerId: 702, status: "registered", note: "Cần ổ điện" });
    // registered: no more reminders to register
    world.clock.set(new Date("2026-12-04T01:00:00Z"));
    expect((await runJob(world, fairRemindersJob)).queued).toEqual([]);
  });

  it("an owner turns deadline reminders off from the reminder itself", async () => {
    const { db } = database();
    const world = createTestWorld(db, { now: "2026-10-01T01:00:00Z" });
    const owner = new TestUser(world, 703);
    await owner.consent();
    const first = await runJob(world, deadlineRemindersJob);
    expect(first.queued).toHaveLength(1);
    await world.flushOutbox();
    expect(owner.lastText()).toContain(
      "<i>Anh/Chị nhận tin này vì chưa nộp hồ sơ khuyến công năm 2027.</i>",
    );
    await owner.press("🔕 Tắt nhắc hạn nộp hồ sơ");
    expect(owner.lastText()).toBe(
      "Đã tắt: Nhắc hạn nộp hồ sơ. Anh/Chị có thể bật lại trong /settings.",
    );
    // the reminder keeps its other button
    const edited = world.api.callsTo("editMessageReplyMarkup").at(-1);
    expect(JSON.stringify(edited?.params.reply_markup)).toContain("Làm hồ sơ");
    expect(JSON.stringify(edited?.params.reply_markup)).not.toContain("Tắt nhắc");
    const [user] = await db.select().from(users).where(eq(users.id, 703));
    expect(user?.notificationPreferences).toEqual({ deadlines: false });
    world.clock.set(new Date("2026-10-17T01:00:00Z")); // the T-14 day
    expect((await runJob(world, deadlineRemindersJob)).queued).toEqual([]);
    expect(await db.select().from(outbox)).toHaveLength(1);
    // the other button still starts the application (the profile first)
    await owner.press("📝 Làm hồ sơ");
    expect(owner.lastText()).toContain("Trước khi lập hồ sơ");
  });

  it("/settings turns each kind on and off in place; officers also see the digests", async () => {
    const { db } = database();
    const world = createTestWorld(db, { adminIds: [9], now: NOW });
    const owner = new TestUser(world, 704);
    await owner.consent();
    await owner.send("/settings");
    expect(owner.lastText()).toContain("⚙️ <b>Cài đặt</b>");
    expect(owner.lastText()).toContain("Ngôn ngữ: 🇻🇳 Tiếng Việt.");
    const [message] = await owner.send("/settings");
    expect(message?.buttons).toEqual([
      ["✅ Nhắc hạn nộp hồ sơ"],
      ["✅ Nhắc hồ sơ làm dở"],
      ["✅ Nhắc hội chợ"],
      ["✅ Nhắc kết quả"],
      ["🇻🇳 Tiếng Việt", "🇬🇧 English"],
    ]);
    const [edited] = await owner.press("✅ Nhắc hội chợ");
    expect(edited?.method).toBe("editMessageText");
    expect(edited?.buttons[2]).toEqual(["🔕 Nhắc hội chợ"]);
    const [user] = await db.select().from(users).where(eq(users.id, 704));
    expect(user?.notificationPreferences).toEqual({ fairs: false });
    await owner.press("🔕 Nhắc hội chợ");
    const [again] = await db.select().from(users).where(eq(users.id, 704));
    expect(again?.notificationPreferences).toEqual({ fairs: true });
    await owner.press("🇬🇧 English");
    await owner.send("/settings");
    expect(owner.lastText()).toContain("Language: 🇬🇧 English.");

    const officer = new TestUser(world, 9);
    await officer.consent();
    const [officerSettings] = await officer.send("/settings");
    expect(officerSettings?.buttons.flat()).toContain("✅ Bản tin hằng ngày");
    expect(officerSettings?.buttons.flat()).toContain("✅ Bản tin hằng tuần");
    await officer.press("✅ Bản tin hằng tuần");
    const [row] = await db.select().from(users).where(eq(users.id, 9));
    expect(row?.notificationPreferences).toEqual({ "weekly-digest": false });
  });
});
