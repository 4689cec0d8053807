import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import {
  type ApplicationStatus,
  applications,
  establishments,
  type Program,
  users,
} from "../../src/db/schema/index.ts";
import { createI18n } from "../../src/i18n.ts";
import { dailyDigestJob, weeklyDigestJob } from "../../src/jobs/digests.ts";
import type { JobDependencies } from "../../src/jobs/registry.ts";
import { Scheduler } from "../../src/jobs/scheduler.ts";
import { silentLogger } from "../../src/logger.ts";
import { weekFigures } from "../../src/services/reports/figures.ts";
import { addUser, row, rows, setupSender, vn } from "../outbox/support.ts";
import { describeWithDatabase } from "../support/database.ts";

const i18n = createI18n();
const DAY = 86_400_000;
const MILLION = 1_000_000n;

function dependencies(
  db: Database,
  now: Date,
  env: Record<string, string> = {},
): JobDependencies & { clock: FakeClock } {
  const config = parseConfig({ BOT_TOKEN: "123456:test-token", ...env });
  return { db, clock: new FakeClock(now), logger: silentLogger, i18n, config };
}

const OWNER = 500;
let numbered = 0;

interface Made {
  status: ApplicationStatus;
  /** when it was submitted, and when its status last changed (default: then) */
  submittedAt: Date;
  changedAt?: Date;
  program?: Program;
  category?: string;
  requested: bigint;
  approved?: bigint;
  decidedAt?: Date;
}

async function application(db: Database, made: Made): Promise<string> {
  numbered += 1;
  const [place] = await db
    .insert(establishments)
    .values({ ownerId: OWNER, name: `Hợp tác xã Chè ${numbered}` })
    .returning();
  const code = `LS-2026-${String(numbered).padStart(4, "0")}`;
  await db.insert(applications).values({
    code,
    ownerId: OWNER,
    establishmentId: place?.id ?? 0,
    planYear: 2026,
    program: made.program ?? "local",
    category: made.category ?? "machinery",
    title: "Máy sao chè",
    requestedSupport: made.requested,
    totalCost: made.requested * 2n,
    approvedAmount: made.approved ?? null,
    status: made.status,
    submittedAt: made.submittedAt,
    statusChangedAt: made.changedAt ?? made.submittedAt,
    decidedAt: made.decidedAt ?? null,
  });
  return code;
}

const daysBefore = (instant: Date, days: number) => new Date(instant.getTime() - days * DAY);

async function officers(db: Database): Promise<void> {
  await addUser(db, OWNER);
  await addUser(db, 1, { role: "officer", language: "vi" });
  await addUser(db, 2, { role: "admin", language: "en" });
}

const textOf = async (db: Database, key: string): Promise<string> => {
  const found = await row(db, key);
  return found.payload.type === "text" ? found.payload.text : "";
};

describeWithDatabase("the officers' digests", (database) => {
  /** Tuesday 24/11/2026, 07:30 in Lạng Sơn: the digest's time. */
  const morning = vn("2026-11-24T07:30:00");

  async function aWeekOfWork(db: Database) {
    numbered = 0;
    await officers(db);
    return {
      fresh: await application(db, {
        status: "submitted",
        submittedAt: vn("2026-11-23T10:00:00"),
        requested: 100n * MILLION,
      }),
      slow: await application(db, {
        status: "reviewing",
        program: "national",
        category: "training",
        submittedAt: daysBefore(morning, 45),
        changedAt: daysBefore(morning, 40),
        requested: 200n * MILLION,
      }),
      unanswered: await application(db, {
        status: "needs_info",
        submittedAt: daysBefore(morning, 20),
        changedAt: daysBefore(morning, 10),
        requested: 50n * MILLION,
      }),
      decided: await application(db, {
        status: "approved",
        submittedAt: daysBefore(morning, 30),
        changedAt: daysBefore(morning, 3),
        decidedAt: daysBefore(morning, 3),
        requested: 300n * MILLION,
        approved: 270n * MILLION,
      }),
      received: await application(db, {
        status: "received",
        submittedAt: vn("2026-11-22T06:00:00"),
        changedAt: vn("2026-11-22T09:00:00"),
        requested: 80n * MILLION,
      }),
    };
  }

  it("tells each officer, in their language, what came in, what waits and what waits too long", async () => {
    const { db } = database();
    const codes = await aWeekOfWork(db);
    expect(
      (await dailyDigestJob.run(vn("2026-11-24T07:15:00"), dependencies(db, morning))).queued,
    ).toEqual([]);

    const result = await dailyDigestJob.run(morning, dependencies(db, morning));
    expect(result.queued.sort()).toEqual([
      "daily-digest:2026-11-24:user:1",
      "daily-digest:2026-11-24:user:2",
    ]);
    const vi = await textOf(db, "daily-digest:2026-11-24:user:1");
    expect(vi).toContain("Tin tổng hợp hồ sơ khuyến công sáng 24/11/2026");
    // only the application submitted after yesterday's 07:30 is new
    expect(vi).toContain("Hồ sơ mới nộp từ bản tin trước: 1");
    expect(vi).toContain("Đang chờ xử lý: 4 hồ sơ");
    expect(vi).toContain("• Đã nộp, chờ tiếp nhận: 1");
    expect(vi).toContain("• Đang xem xét: 1");
    expect(vi).toContain("• Cần bổ sung thông tin: 1");
    expect(vi).toContain(`Chờ lâu nhất: ${codes.slow} (Đang xem xét), 40 ngày.`);
    // what waits: 100 + 50 + 80 local, 200 national; the approved one is not waiting
    expect(vi).toContain("• Khuyến công địa phương: 230 triệu đồng (3 hồ sơ)");
    expect(vi).toContain("• Khuyến công quốc gia: 200 triệu đồng (1 hồ sơ)");
    expect(vi).toContain("• Máy móc, công nghệ: 230 triệu đồng (3 hồ sơ)");
    expect(vi).toContain("• Đào tạo, truyền nghề: 200 triệu đồng (1 hồ sơ)");
    expect(vi).toContain(`Chờ chủ cơ sở bổ sung quá 7 ngày: 1 hồ sơ (${codes.unanswered}).`);
    expect(vi).toContain(`Chờ quyết định quá 30 ngày: 1 hồ sơ (${codes.slow}).`);
    const en = await textOf(db, "daily-digest:2026-11-24:user:2");
    expect(en).toContain("New applications since the last summary: 1");
    expect(en).toContain(
      `Waiting for a decision for more than 30 days: 1 application (${codes.slow}).`,
    );

    // later the same morning: nothing more
    const later = vn("2026-11-24T10:00:00");
    expect((await dailyDigestJob.run(later, dependencies(db, later))).queued).toEqual([]);
    expect(await rows(db)).toHaveLength(2);
  });

  it("takes its waiting limits from the configuration", async () => {
    const { db } = database();
    const codes = await aWeekOfWork(db);
    const deps = dependencies(db, morning, { DECISION_WAIT_DAYS: "1", SUPPLEMENT_WAIT_DAYS: "30" });
    await dailyDigestJob.run(morning, deps);
    const vi = await textOf(db, "daily-digest:2026-11-24:user:1");
    expect(vi).toContain(`Chờ quyết định quá 1 ngày: 2 hồ sơ (${codes.slow}, ${codes.received}).`);
    expect(vi).not.toContain("Chờ chủ cơ sở bổ sung");
  });

  it("sends nothing when nothing came in and nothing waits", async () => {
    const { db } = database();
    numbered = 0;
    await officers(db);
    await application(db, {
      status: "disbursed",
      submittedAt: daysBefore(morning, 100),
      requested: 100n * MILLION,
      approved: 90n * MILLION,
      decidedAt: daysBefore(morning, 60),
    });
    const result = await dailyDigestJob.run(morning, dependencies(db, morning));
    expect(result).toMatchObject({ period: "2026-11-24", queued: [], nothingToReport: true });
    expect(await rows(db)).toEqual([]);
  });

  it("goes to nobody who turned it off in /settings", async () => {
    const { db } = database();
    await aWeekOfWork(db);
    await db
      .update(users)
      .set({ notificationPreferences: { "daily-digest": false } })
      .where(eq(users.id, 2));
    const result = await dailyDigestJob.run(morning, dependencies(db, morning));
    expect(result.queued).toEqual(["daily-digest:2026-11-24:user:1"]);
  });

  it("waits out quiet hours when the digest time falls in them", async () => {
    const { db } = database();
    await aWeekOfWork(db);
    const early = vn("2026-11-24T06:00:00");
    const result = await dailyDigestJob.run(
      early,
      dependencies(db, early, { DIGEST_TIME: "06:00" }),
    );
    expect(result.queued).toHaveLength(2);
    expect((await row(db, "daily-digest:2026-11-24:user:1")).notBefore).toEqual(
      vn("2026-11-24T07:00:00"),
    );
    const { clock, fake, sender } = setupSender(db, { start: early });
    await sender.runUntilIdle();
    expect(fake.callsTo("sendMessage")).toEqual([]);
    clock.set(vn("2026-11-24T07:00:00"));
    await sender.runUntilIdle({ horizonMs: 5000 });
    expect(fake.callsTo("sendMessage").filter((call) => call.ok)).toHaveLength(2);
  });

  it("is queued once a day across two scheduler instances", async () => {
    const { db } = database();
    await aWeekOfWork(db);
    const first = new Scheduler([dailyDigestJob], dependencies(db, morning), { instanceId: "one" });
    const second = new Scheduler([dailyDigestJob], dependencies(db, morning), {
      instanceId: "two",
    });
    const outcomes = await Promise.all([
      first.runDue(dailyDigestJob, morning),
      second.runDue(dailyDigestJob, morning),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["ran", "skipped"]);
    // the next slots of the day run, and queue nothing more
    const later = vn("2026-11-24T07:45:00");
    const third = new Scheduler([dailyDigestJob], dependencies(db, later), { instanceId: "three" });
    expect(await third.runDue(dailyDigestJob, later)).toMatchObject({ status: "ran" });
    expect((await rows(db)).map((r) => r.dedupeKey).sort()).toEqual([
      "daily-digest:2026-11-24:user:1",
      "daily-digest:2026-11-24:user:2",
    ]);
    // the next morning: a new digest
    const tomorrow = vn("2026-11-25T07:30:00");
    const next = await dailyDigestJob.run(tomorrow, dependencies(db, tomorrow));
    expect(next.queued).toHaveLength(2);
  });

  it("sums up the week on Monday with a chart of requested and approved by category", async () => {
    const { db } = database();
    const codes = await aWeekOfWork(db);
    // decided during the week of 23/11: one approved (machinery), one refused (training)
    await db
      .update(applications)
      .set({ decidedAt: vn("2026-11-26T09:00:00") })
      .where(eq(applications.code, codes.decided));
    await application(db, {
      status: "rejected",
      category: "training",
      submittedAt: daysBefore(morning, 30),
      changedAt: vn("2026-11-27T09:00:00"),
      decidedAt: vn("2026-11-27T09:00:00"),
      requested: 40n * MILLION,
    });
    await db
      .update(users)
      .set({ notificationPreferences: { "weekly-digest": false } })
      .where(eq(users.id, 2));
    // Tuesday: not the weekly summary's day
    expect((await weeklyDigestJob.run(morning, dependencies(db, morning))).period).toBeNull();
    const monday = vn("2026-11-30T07:30:00");
    const result = await weeklyDigestJob.run(monday, dependencies(db, monday));
    expect(result.queued.sort()).toEqual([
      "weekly-digest:2026-11-30:user:1",
      "weekly-digest:2026-11-30:user:1:chart",
    ]);
    const text = await textOf(db, "weekly-digest:2026-11-30:user:1");
    expect(text).toContain("Tổng kết tuần 23/11/2026 – 29/11/2026");
    expect(text).toContain("Hồ sơ mới nộp trong tuần: 1");
    expect(text).toContain("Quyết định trong tuần: 1 phê duyệt, 1 không phê duyệt");
    expect(text).toContain("Tổng kinh phí được phê duyệt trong tuần: 270 triệu đồng");
    // the chart's figures: requested vs approved by category, over the week's decisions
    expect(await weekFigures(db, { since: vn("2026-11-23T07:30:00"), until: monday })).toEqual({
      approved: 1,
      rejected: 1,
      notSelected: 0,
      approvedAmount: 270n * MILLION,
      byCategory: [
        { category: "machinery", requested: 300n * MILLION, approved: 270n * MILLION },
        { category: "training", requested: 40n * MILLION, approved: 0n },
      ],
    });
    const chart = await row(db, "weekly-digest:2026-11-30:user:1:chart");
    expect(chart.payload.type).toBe("photo");
    const png = Buffer.from(
      chart.payload.type === "photo" ? chart.payload.contentBase64 : "",
      "base64",
    );
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const { fake, sender } = setupSender(db, { start: monday });
    await sender.runUntilIdle({ horizonMs: 5000 });
    const photos = fake.callsTo("sendPhoto").filter((call) => call.ok);
    expect(photos).toHaveLength(1);
    expect(String(photos[0]?.params.caption)).toContain(
      "Biểu đồ kinh phí đề nghị và được phê duyệt",
    );
    expect(
      [...fake.messages.values()].find((m) => m.kind === "photo")?.document?.bytes?.length,
    ).toBe(png.length);
  });
});
