import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import {
  applications,
  calendarEvents,
  establishments,
  fairRegistrations,
  type OutboxRow,
  outbox,
  type users,
} from "../../src/db/schema/index.ts";
import { draftNudgeDue, parseOffsets, stageDue } from "../../src/domain/reminder-plan.ts";
import { createI18n } from "../../src/i18n.ts";
import { deadlineRemindersJob } from "../../src/jobs/deadline-reminders.ts";
import { draftRemindersJob } from "../../src/jobs/draft-reminders.ts";
import { fairRemindersJob } from "../../src/jobs/fair-reminders.ts";
import type { Job, JobDependencies } from "../../src/jobs/registry.ts";
import { resultRemindersJob } from "../../src/jobs/result-reminders.ts";
import { silentLogger } from "../../src/logger.ts";
import { updateEvent } from "../../src/services/calendar.ts";
import { addUser, rows, setupSender, vn } from "../outbox/support.ts";
import { describeWithDatabase } from "../support/database.ts";

const config = parseConfig({ BOT_TOKEN: "123456:test-token" });
const i18n = createI18n();

function dependencies(db: Database, now: Date): JobDependencies {
  return { db, clock: new FakeClock(now), logger: silentLogger, i18n, config };
}

const run = async (job: Job, db: Database, local: string): Promise<string[]> => {
  const result = (await job.run(vn(local), dependencies(db, vn(local)))) as { queued: string[] };
  return [...result.queued].sort();
};

const textOf = (row: OutboxRow | undefined): string =>
  row?.payload.type === "text" ? row.payload.text : "";
const buttonsOf = (row: OutboxRow | undefined): string[] =>
  row?.payload.type === "text"
    ? (
        row.payload.replyMarkup as { inline_keyboard: { text: string }[][] }
      ).inline_keyboard.flatMap((line) => line.map((button) => button.text))
    : [];

describe("reminder planning", () => {
  const day = (d: number, month = 10) => ({ year: 2026, month, day: d });
  it.each([
    [day(30, 9), undefined],
    [day(1), { stage: 30, daysLeft: 30 }],
    [day(16), { stage: 30, daysLeft: 15 }],
    [day(17), { stage: 14, daysLeft: 14 }],
    [day(24), { stage: 7, daysLeft: 7 }],
    [day(30), { stage: 1, daysLeft: 1 }],
    [day(31), { stage: 1, daysLeft: 0 }],
    [day(1, 11), undefined],
  ])("deadline 31/10, offsets 30/14/7/1, today %o → %o", (today, expected) => {
    expect(stageDue([30, 14, 7, 1], day(31), today)).toEqual(expected);
  });

  it("nudges a draft idle 3 days, at most weekly, never after the deadline", () => {
    const schedule = { draftIdleDays: 3, draftMinGapDays: 7 };
    const base = {
      lastTouchedDay: day(1),
      lastNudgeDay: undefined,
      deadline: vn("2026-10-31T23:59:59"),
      now: vn("2026-10-04T08:00:00"),
      schedule,
    };
    expect(draftNudgeDue({ ...base, today: day(3) })).toBe(false);
    expect(draftNudgeDue({ ...base, today: day(4) })).toBe(true);
    expect(draftNudgeDue({ ...base, today: day(10), lastNudgeDay: day(4) })).toBe(false);
    expect(draftNudgeDue({ ...base, today: day(11), lastNudgeDay: day(4) })).toBe(true);
    expect(draftNudgeDue({ ...base, today: day(1, 11), now: vn("2026-11-01T08:00:00") })).toBe(
      false,
    );
  });

  it("reads offsets from configuration", () => {
    expect(parseOffsets("1, 30,7,14,7")).toEqual([30, 14, 7, 1]);
    expect(parseOffsets("7,x")).toBeUndefined();
    expect(
      parseConfig({ BOT_TOKEN: "1:x", REMINDER_DEADLINE_DAYS: "10,2" }).reminders,
    ).toMatchObject({
      deadlineDaysBefore: [10, 2],
      fairRegistrationDaysBefore: [7, 1],
    });
    expect(() => parseConfig({ BOT_TOKEN: "1:x", REMINDER_FAIR_DAYS: "soon" })).toThrow(
      /REMINDER_FAIR_DAYS/,
    );
  });
});

describeWithDatabase("reminder jobs", (database) => {
  let nextEstablishment = 1;
  async function owner(
    db: Database,
    id: number,
    extra: Partial<typeof users.$inferInsert> = {},
    commune = "06211",
  ): Promise<number> {
    await addUser(db, id, extra);
    const [row] = await db
      .insert(establishments)
      .values({ ownerId: id, name: `Cơ sở ${nextEstablishment++}`, communeCode: commune })
      .returning();
    return row?.id ?? 0;
  }
  async function application(
    db: Database,
    ownerId: number,
    establishmentId: number,
    values: Partial<typeof applications.$inferInsert>,
  ): Promise<number> {
    const [row] = await db
      .insert(applications)
      .values({ ownerId, establishmentId, planYear: 2027, ...values })
      .returning();
    return row?.id ?? 0;
  }

  describe("deadline", () => {
    async function people(db: Database) {
      await owner(db, 1001);
      await owner(db, 1002, { language: "en" });
      await owner(db, 1003, { blockedAt: new Date("2026-09-01") });
      await addUser(db, 1004, { role: "officer" });
      await owner(db, 1005, { notificationPreferences: { deadlines: false } });
      const submitted = await owner(db, 1006);
      await application(db, 1006, submitted, { status: "submitted", code: "LS-2027-0001" });
      const drafting = await owner(db, 1007);
      const draftId = await application(db, 1007, drafting, {
        program: "local",
        category: "2",
        title: "Máy sấy chè",
      });
      return { draftId };
    }

    it("goes to owners without a submitted application, 30 days before the seeded deadline, once", async () => {
      const { db } = database();
      await people(db);
      const keys = await run(deadlineRemindersJob, db, "2026-10-01T08:00:00");
      const [seeded] = await db.select().from(calendarEvents);
      expect(seeded).toMatchObject({ seedKey: "deadline:2027", planYear: 2027 });
      const id = seeded?.id;
      expect(keys).toEqual(
        [1001, 1002, 1007].map((user) => `event:${id}:r1:deadline-T-30:user:${user}`),
      );
      expect(await run(deadlineRemindersJob, db, "2026-10-01T08:00:00")).toEqual([]);
      expect(await run(deadlineRemindersJob, db, "2026-10-02T08:00:00")).toEqual([]);

      const all = await rows(db);
      const vi = all.find((row) => row.chatId === 1001);
      expect(vi).toMatchObject({ kind: "deadline-reminder", urgency: "daytime" });
      expect(textOf(vi)).toBe(
        [
          "⏰ <b>Nhắc hạn đăng ký khuyến công năm 2027</b>",
          "Đăng ký kế hoạch khuyến công năm 2027",
          "Hạn cuối: <b>23:59 ngày 31/10/2026</b> (còn 30 ngày).",
          "Anh/Chị chưa nộp hồ sơ cho năm này. Bấm nút dưới đây để bắt đầu.",
          "",
          "<i>Anh/Chị nhận tin này vì chưa nộp hồ sơ khuyến công năm 2027.</i>",
        ].join("\n"),
      );
      expect(buttonsOf(vi)).toEqual(["📝 Làm hồ sơ", "🔕 Tắt nhắc hạn nộp hồ sơ"]);
      const draft = all.find((row) => row.chatId === 1007);
      expect(textOf(draft)).toContain("Hồ sơ của Anh/Chị còn 8/11 câu, bấm để làm tiếp.");
      expect(buttonsOf(draft)[0]).toBe("📝 Làm tiếp hồ sơ");
      expect(textOf(all.find((row) => row.chatId === 1002))).toContain("(30 days left)");
    });

    it("sends each stage once, counts from the morning at night, and stops at the deadline", async () => {
      const { db } = database();
      await owner(db, 1001);
      expect(await run(deadlineRemindersJob, db, "2026-10-01T08:00:00")).toHaveLength(1);
      expect(await run(deadlineRemindersJob, db, "2026-10-17T08:00:00")).toEqual([
        expect.stringMatching(/deadline-T-14:user:1001$/),
      ]);
      await db.update(outbox).set({ status: "sent" }); // the earlier stages went out
      // at 22:00 on 23/10 the reminder is read on 24/10: T-7, held until 07:00
      expect(await run(deadlineRemindersJob, db, "2026-10-23T22:00:00")).toEqual([
        expect.stringMatching(/deadline-T-7:user:1001$/),
      ]);
      const { sender, fake, clock } = setupSender(db, { start: vn("2026-10-23T22:00:00") });
      await sender.runUntilIdle();
      expect(fake.callsTo("sendMessage")).toHaveLength(0);
      clock.set(vn("2026-10-24T07:00:00"));
      await sender.runUntilIdle();
      const sent = fake.callsTo("sendMessage").map((call) => String(call.params.text));
      expect(sent).toEqual([expect.stringContaining("(còn 7 ngày)")]);
      // a week down: only the last stage is sent, late
      expect(await run(deadlineRemindersJob, db, "2026-10-31T10:00:00")).toEqual([
        expect.stringMatching(/deadline-T-1:user:1001$/),
      ]);
      expect(await run(deadlineRemindersJob, db, "2026-11-01T08:00:00")).toEqual([]);
      expect(await rows(db)).toHaveLength(4);
    });
  });

  describe("draft", () => {
    it("nudges a draft untouched for 3 days, at most weekly, and never after the deadline", async () => {
      const { db } = database();
      const establishment = await owner(db, 1001);
      const id = await application(db, 1001, establishment, {
        title: "Lò sấy",
        updatedAt: vn("2026-09-01T10:00:00"),
      });
      const optedOut = await owner(db, 1002, { notificationPreferences: { drafts: false } });
      await application(db, 1002, optedOut, { updatedAt: vn("2026-09-01T10:00:00") });
      expect(await run(draftRemindersJob, db, "2026-09-03T08:05:00")).toEqual([]);
      expect(await run(draftRemindersJob, db, "2026-09-04T08:05:00")).toEqual([
        `draft:${id}:2026-09-04`,
      ]);
      expect(await run(draftRemindersJob, db, "2026-09-04T08:05:00")).toEqual([]);
      expect(await run(draftRemindersJob, db, "2026-09-10T08:05:00")).toEqual([]);
      expect(await run(draftRemindersJob, db, "2026-09-11T08:05:00")).toEqual([
        `draft:${id}:2026-09-11`,
      ]);
      const [first] = await rows(db);
      expect(first).toMatchObject({ kind: "draft-reminder", chatId: 1001 });
      expect(textOf(first)).toContain("Hồ sơ của Anh/Chị còn 10/11 câu, bấm để làm tiếp.");
      expect(textOf(first)).toContain(
        "<i>Anh/Chị nhận tin này vì hồ sơ chưa được sửa trong 3 ngày.</i>",
      );
      expect(buttonsOf(first)).toEqual(["📝 Làm tiếp hồ sơ", "🔕 Tắt nhắc hồ sơ làm dở"]);
      // touched again: idle counts from then
      await db
        .update(applications)
        .set({ updatedAt: vn("2026-09-20T10:00:00") })
        .where(eq(applications.id, id));
      expect(await run(draftRemindersJob, db, "2026-09-22T08:05:00")).toEqual([]);
      expect(await run(draftRemindersJob, db, "2026-09-23T08:05:00")).toHaveLength(1);
      // the deadline (31/10 23:59:59) has passed
      expect(await run(draftRemindersJob, db, "2026-11-05T08:05:00")).toEqual([]);
      expect((await rows(db)).every((row) => row.chatId === 1001)).toBe(true);
    });
  });

  describe("fair", () => {
    async function fair(db: Database) {
      const [row] = await db
        .insert(calendarEvents)
        .values({
          kind: "fair",
          title: "Hội chợ hàng công nghiệp nông thôn tiêu biểu",
          location: "Quảng trường 17/10, TP Lạng Sơn",
          startsOn: "2026-12-15",
          endsOn: "2026-12-19",
          registrationDeadline: vn("2026-12-05T17:00:00"),
          audience: { communeCodes: ["06211"] },
        })
        .returning();
      if (!row) throw new Error("no fair");
      return row;
    }

    it("reminds those who have not registered of the deadline, and those registered of the opening", async () => {
      const { db } = database();
      await owner(db, 1001);
      await owner(db, 1002, {}, "99999");
      const registered = await owner(db, 1003);
      await owner(db, 1004, { notificationPreferences: { fairs: false } });
      const event = await fair(db);
      await db.insert(fairRegistrations).values({
        eventId: event.id,
        establishmentId: registered,
        ownerId: 1003,
        status: "registered",
        products: "Hồi",
        booths: 1,
      });
      expect(await run(fairRemindersJob, db, "2026-11-27T08:10:00")).toEqual([]);
      expect(await run(fairRemindersJob, db, "2026-11-28T08:10:00")).toEqual([
        `event:${event.id}:r1:fair-reg-T-7:user:1001`,
      ]);
      expect(await run(fairRemindersJob, db, "2026-12-04T08:10:00")).toEqual([
        `event:${event.id}:r1:fair-reg-T-1:user:1001`,
      ]);
      expect(await run(fairRemindersJob, db, "2026-12-05T18:00:00")).toEqual([]);
      expect(await run(fairRemindersJob, db, "2026-12-14T08:10:00")).toEqual([
        `event:${event.id}:r1:fair-T-1:user:1003`,
      ]);
      const eve = (await rows(db)).find((row) => row.chatId === 1003);
      expect(textOf(eve)).toBe(
        [
          "🎪 <b>Hội chợ khai mạc ngày mai</b>",
          "Hội chợ hàng công nghiệp nông thôn tiêu biểu",
          "Thời gian: từ ngày 15/12/2026 đến ngày 19/12/2026.",
          "Địa điểm: Quảng trường 17/10, TP Lạng Sơn",
          "Kính mời Anh/Chị sắp xếp thời gian tham dự.",
          "",
          "<i>Anh/Chị nhận tin này vì đã đăng ký tham gia hội chợ.</i>",
        ].join("\n"),
      );
      expect(buttonsOf(eve)).toEqual(["📅 Thêm vào lịch", "🔕 Tắt nhắc hội chợ"]);
      // on the opening day: nothing more
      expect(await run(fairRemindersJob, db, "2026-12-15T08:10:00")).toEqual([]);
    });

    it("moving a fair tells those reminded or registered, and its new dates are reminded again", async () => {
      const { db } = database();
      await owner(db, 1001);
      const registered = await owner(db, 1003);
      const event = await fair(db);
      await db.insert(fairRegistrations).values({
        eventId: event.id,
        establishmentId: registered,
        ownerId: 1003,
        status: "approved",
      });
      await run(fairRemindersJob, db, "2026-11-28T08:10:00");
      const moved = await updateEvent(
        db,
        event.id,
        { startsOn: "2026-12-20", endsOn: "2026-12-22" },
        {
          t: (language, key, vars) => i18n.t(language, key, vars),
          timeZone: "Asia/Ho_Chi_Minh",
          now: vn("2026-11-29T10:00:00"),
        },
      );
      expect(moved?.event.revision).toBe(2);
      expect(moved?.told).toBe(2);
      const notices = (await rows(db)).filter((row) => row.kind === "event-update");
      expect(notices.map((row) => row.chatId).sort()).toEqual([1001, 1003]);
      expect(textOf(notices[0])).toContain("20/12/2026");
      expect(await run(fairRemindersJob, db, "2026-12-19T08:10:00")).toEqual([
        `event:${event.id}:r2:fair-T-1:user:1003`,
      ]);
    });
  });

  describe("result", () => {
    it("tells owners still waiting when results come, and officers what has waited longest", async () => {
      const { db } = database();
      const first = await owner(db, 1001);
      await application(db, 1001, first, {
        status: "reviewing",
        code: "LS-2027-0001",
        submittedAt: vn("2026-10-01T09:00:00"),
      });
      const second = await owner(db, 1002);
      await application(db, 1002, second, {
        status: "approved",
        code: "LS-2027-0002",
        submittedAt: vn("2026-10-02T09:00:00"),
      });
      const third = await owner(db, 1003);
      await application(db, 1003, third, {
        status: "submitted",
        code: "LS-2027-0003",
        submittedAt: vn("2026-12-10T09:00:00"),
      });
      await addUser(db, 2001, { role: "officer" });
      await addUser(db, 2002, { role: "officer", notificationPreferences: { results: false } });
      const [event] = await db
        .insert(calendarEvents)
        .values({
          kind: "result",
          title: "Công bố kết quả xét chọn đề án khuyến công địa phương 2027",
          startsOn: "2026-12-20",
          planYear: 2027,
        })
        .returning();
      const id = event?.id;
      expect(await run(resultRemindersJob, db, "2026-12-16T08:15:00")).toEqual([]);
      expect(await run(resultRemindersJob, db, "2026-12-17T08:15:00")).toEqual([
        `event:${id}:r1:result-T-3:officer:2001`,
        `event:${id}:r1:result-T-3:user:1001`,
        `event:${id}:r1:result-T-3:user:1003`,
      ]);
      expect(await run(resultRemindersJob, db, "2026-12-18T08:15:00")).toEqual([]);
      expect(await run(resultRemindersJob, db, "2026-12-21T08:15:00")).toEqual([]);
      const all = await rows(db);
      expect(textOf(all.find((row) => row.chatId === 1001))).toContain(
        "Hồ sơ LS-2027-0001 của Anh/Chị đang chờ quyết định.",
      );
      const officer = all.find((row) => row.chatId === 2001);
      expect(textOf(officer)).toContain(
        "1 hồ sơ chờ quyết định quá 30 ngày (ngày nộp):\n• LS-2027-0001 (01/10/2026)",
      );
      expect(buttonsOf(officer)).toEqual(["🔕 Tắt nhắc kết quả"]);
    });
  });
});
