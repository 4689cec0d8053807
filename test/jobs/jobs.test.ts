import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/client.ts";
import {
  calendarEvents,
  type InboxStatus,
  jobRuns,
  outbox,
  updates,
} from "../../src/db/schema/index.ts";
import { createI18n } from "../../src/i18n.ts";
import { deadlineRemindersJob } from "../../src/jobs/deadline-reminders.ts";
import { outboxCleanupJob } from "../../src/jobs/outbox-cleanup.ts";
import type { Job, JobDependencies } from "../../src/jobs/registry.ts";
import { jobs } from "../../src/jobs/registry.ts";
import { cronLogger, Scheduler, slotKey } from "../../src/jobs/scheduler.ts";
import { updatesCleanupJob } from "../../src/jobs/updates-cleanup.ts";
import { silentLogger } from "../../src/logger.ts";
import { addUser, queue, rows, vn } from "../outbox/support.ts";
import { describeWithDatabase } from "../support/database.ts";

const config = parseConfig({ BOT_TOKEN: "123456:test-token" });
const i18n = createI18n();

function dependencies(db: Database, now: Date): JobDependencies & { clock: FakeClock } {
  return { db, clock: new FakeClock(now), logger: silentLogger, i18n, config };
}

describe("slotKey", () => {
  it("names a slot by its wall-clock time in the zone", () => {
    expect(slotKey(new Date("2026-11-23T01:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-11-23T08:00");
  });
});

describe("cronLogger", () => {
  it("routes node-cron's messages into pino", () => {
    const lines: { level: string; message: string }[] = [];
    const record = (level: string) => (_: unknown, message?: string) =>
      lines.push({ level, message: String(message ?? _) });
    const fakeLogger = {
      child: () => ({
        info: record("info"),
        warn: record("warn"),
        error: record("error"),
        debug: record("debug"),
      }),
    } as unknown as typeof silentLogger;
    const logger = cronLogger(fakeLogger);
    logger.warn("missed execution at 08:00");
    logger.error(new Error("boom"));
    expect(lines).toEqual([
      { level: "warn", message: "missed execution at 08:00" },
      { level: "error", message: "Error: boom" },
    ]);
  });
});

describeWithDatabase("jobs", (database) => {
  /** Deadline 17:00 on 10/12/2026, Vietnam time. */
  async function deadlineEvent(
    db: Database,
    extra: Partial<typeof calendarEvents.$inferInsert> = {},
  ) {
    const [event] = await db
      .insert(calendarEvents)
      .values({
        kind: "deadline",
        title: "Đăng ký kế hoạch khuyến công 2027 <địa phương>",
        startsOn: "2026-12-10",
        registrationDeadline: vn("2026-12-10T17:00:00"),
        ...extra,
      })
      .returning();
    if (!event) throw new Error("no event");
    return event;
  }

  it("outbox-cleanup deletes old sent rows and older failed ones, and keeps the rest", async () => {
    const { db } = database();
    const now = vn("2026-12-31T03:30:00");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    for (const key of ["sent-31", "sent-29", "dead-91", "dead-60", "pending"])
      await queue(db, 5, key);
    const set = async (key: string, values: Partial<typeof outbox.$inferInsert>) => {
      await db.update(outbox).set(values).where(eq(outbox.dedupeKey, key));
    };
    await set("sent-31", { status: "sent", sentAt: daysAgo(31) });
    await set("sent-29", { status: "sent", sentAt: daysAgo(29) });
    await set("dead-91", { status: "dead", updatedAt: daysAgo(91) });
    await set("dead-60", { status: "dead", updatedAt: daysAgo(60) });
    await db.insert(jobRuns).values({ job: "x", runKey: "old", ranAt: daysAgo(100) });
    const result = await outboxCleanupJob.run(now, dependencies(db, now));
    expect(result).toEqual({ deletedSent: 1, deletedFailed: 1, deletedJobRuns: 1 });
    expect((await rows(db)).map((row) => row.dedupeKey)).toEqual(["sent-29", "dead-60", "pending"]);
  });

  it("updates-cleanup deletes handled updates after four days, and never unhandled ones", async () => {
    const { db } = database();
    const now = vn("2026-12-31T03:45:00");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const row = (updateId: number, status: InboxStatus, handledDaysAgo?: number) => ({
      updateId,
      chatKey: 1,
      payload: { update_id: updateId },
      status,
      availableAt: daysAgo(10),
      receivedAt: daysAgo(10),
      handledAt: handledDaysAgo === undefined ? null : daysAgo(handledDaysAgo),
    });
    await db
      .insert(updates)
      .values([
        row(1, "done", 5),
        row(2, "failed", 4.5),
        row(3, "done", 3.9),
        row(4, "failed", 1),
        row(5, "pending"),
        row(6, "processing"),
      ]);
    const result = await updatesCleanupJob.run(now, dependencies(db, now));
    expect(result).toEqual({ deletedUpdates: 2 });
    const left = await db
      .select({ id: updates.updateId })
      .from(updates)
      .orderBy(asc(updates.updateId));
    expect(left.map((kept) => kept.id)).toEqual([3, 4, 5, 6]);
  });

  describe("the scheduler", () => {
    let runs: Date[] = [];
    const counting: Job<{ runs: number }> = {
      name: "counting",
      schedule: "0 8 * * *",
      description: "counts its runs",
      async run(now) {
        runs.push(now);
        return { runs: runs.length };
      },
    };

    it("runs a slot once, records it, and skips it at the next tick", async () => {
      const { db } = database();
      runs = [];
      const scheduler = new Scheduler([counting], dependencies(db, vn("2026-11-24T08:00:00")));
      expect(await scheduler.runDue(counting, vn("2026-11-24T08:00:00"))).toMatchObject({
        slot: "2026-11-24T08:00",
        status: "ran",
      });
      expect(await scheduler.runDue(counting, vn("2026-11-24T08:00:00"))).toMatchObject({
        status: "skipped",
      });
      expect(await scheduler.runDue(counting, vn("2026-11-24T14:00:00"))).toMatchObject({
        slot: "2026-11-24T08:00",
        status: "skipped",
      });
      expect(await scheduler.runDue(counting, vn("2026-11-25T08:00:30"))).toMatchObject({
        slot: "2026-11-25T08:00",
        status: "ran",
      });
      expect(runs).toHaveLength(2);
      const recorded = await db.select().from(jobRuns).orderBy(asc(jobRuns.runKey));
      expect(recorded.map((run) => [run.job, run.runKey, run.result])).toEqual([
        ["counting", "2026-11-24T08:00", { runs: 1 }],
        ["counting", "2026-11-25T08:00", { runs: 2 }],
      ]);
      await scheduler.stop();
    });

    it("catches up a slot missed while down, once, at start", async () => {
      const { db } = database();
      runs = [];
      // ran on 22/11; the process was down from then until 10:00 on 24/11
      await db.insert(jobRuns).values({ job: "counting", runKey: "2026-11-22T08:00" });
      const deps = dependencies(db, vn("2026-11-24T10:00:00"));
      const scheduler = new Scheduler([counting], deps);
      expect(await scheduler.start()).toEqual([
        { job: "counting", slot: "2026-11-24T08:00", status: "ran", result: { runs: 1 } },
      ]);
      await scheduler.stop();
      // restarted an hour later: nothing to make up
      deps.clock.set(vn("2026-11-24T11:00:00"));
      const again = new Scheduler([counting], deps);
      expect(await again.start()).toMatchObject([{ status: "skipped" }]);
      await again.stop();
      expect(runs).toEqual([vn("2026-11-24T10:00:00")]);
    });

    it("does not record a failed run, so the next tick tries again", async () => {
      const { db } = database();
      let fail = true;
      const flaky: Job = {
        name: "flaky",
        schedule: "*/15 * * * *",
        description: "fails once",
        async run() {
          if (fail) throw new Error("database blip");
          return "ok";
        },
      };
      const scheduler = new Scheduler([flaky], dependencies(db, vn("2026-11-24T08:00:00")));
      expect(await scheduler.runDue(flaky, vn("2026-11-24T08:05:00"))).toMatchObject({
        slot: "2026-11-24T08:00",
        status: "failed",
      });
      fail = false;
      expect(await scheduler.runDue(flaky, vn("2026-11-24T08:06:00"))).toMatchObject({
        slot: "2026-11-24T08:00",
        status: "ran",
      });
      await scheduler.stop();
    });

    it("runs the registered jobs at start, and a second scheduler at the same time queues nothing more", async () => {
      const { db } = database();
      await addUser(db, 1001);
      await deadlineEvent(db);
      const deps = dependencies(db, vn("2026-12-03T08:20:00"));
      const first = new Scheduler(jobs, deps);
      const outcomes = await first.start();
      expect(outcomes.map((outcome) => [outcome.job, outcome.status])).toEqual([
        ["deadline-reminders", "ran"],
        ["draft-reminders", "ran"],
        ["fair-reminders", "ran"],
        ["result-reminders", "ran"],
        ["outbox-cleanup", "ran"],
        ["updates-cleanup", "ran"],
        ["daily-digest", "ran"],
        ["weekly-digest", "ran"],
      ]);
      await first.stop();
      const second = new Scheduler(jobs, deps);
      expect((await second.start()).map((outcome) => outcome.status)).toEqual(
        jobs.map(() => "skipped"),
      );
      await second.stop();
      // and run by hand on top, the job still queues nothing twice
      expect((await deadlineRemindersJob.run(deps.clock.now(), deps)).queued).toEqual([]);
      expect(await rows(db)).toHaveLength(1);
    });

    it("refuses a schedule with seconds or a bad expression", () => {
      const deps = dependencies(database().db, vn("2026-11-24T08:00:00"));
      expect(() => new Scheduler([{ ...counting, schedule: "0 0 8 * * *" }], deps)).toThrow(
        /five fields/,
      );
      expect(() => new Scheduler([{ ...counting, schedule: "0 25 * * *" }], deps)).toThrow(
        /not a cron expression/,
      );
    });
  });
});
