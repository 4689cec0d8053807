import { afterAll, expect, it } from "vitest";
import { FakeClock } from "../../src/clock.ts";
import { parseConfig } from "../../src/config.ts";
import { type Database, type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { jobRuns } from "../../src/db/schema/index.ts";
import { createI18n } from "../../src/i18n.ts";
import type { Job, JobDependencies } from "../../src/jobs/registry.ts";
import { Scheduler } from "../../src/jobs/scheduler.ts";
import { silentLogger } from "../../src/logger.ts";
import { vn } from "../outbox/support.ts";
import { describeWithDatabase } from "../support/database.ts";

const config = parseConfig({ BOT_TOKEN: "123456:test-token" });
const i18n = createI18n();
const MINUTE = 60_000;

function dependencies(db: Database, now: Date): JobDependencies & { clock: FakeClock } {
  return { db, clock: new FakeClock(now), logger: silentLogger, i18n, config };
}

/** A job that waits, mid-run, until the test lets it finish. */
function gatedJob(): { job: Job; runs: Date[]; started: Promise<void>; finish: () => void } {
  const runs: Date[] = [];
  let finish = () => {};
  let markStarted = () => {};
  const gate = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const job: Job = {
    name: "digest",
    schedule: "0 8 * * *",
    description: "runs once a morning",
    async run(now) {
      runs.push(now);
      markStarted();
      await gate;
      return { runs: runs.length };
    },
  };
  return { job, runs, started, finish };
}

describeWithDatabase("scheduler instances", (database, driver) => {
  const extraHandles: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const handle of extraHandles) await handle.close();
  });

  /** The second instance's database: its own connections on PostgreSQL, the one handle on PGlite. */
  async function secondInstanceDatabase(): Promise<Database> {
    const { db, url } = database();
    if (driver !== "postgres" || !url) return db;
    const handle = await openDatabase({ kind: "postgres", url, maxConnections: 2 });
    extraHandles.push(handle);
    return handle.db;
  }

  it("two instances on one database run a slot once", async () => {
    const { db } = database();
    const now = vn("2026-11-24T08:00:10");
    const { job, runs, finish } = gatedJob();
    const first = new Scheduler([job], dependencies(db, now), { instanceId: "one" });
    const second = new Scheduler([job], dependencies(await secondInstanceDatabase(), now), {
      instanceId: "two",
    });
    const runsOfBoth = [first.runDue(job, now), second.runDue(job, now)];
    // the winner is held inside the job; the other must skip the slot meanwhile, not wait or run it
    expect(await Promise.race(runsOfBoth)).toMatchObject({ status: "skipped" });
    finish();
    const statuses = (await Promise.all(runsOfBoth)).map((outcome) => outcome.status).sort();
    expect(statuses).toEqual(["ran", "skipped"]);
    expect(runs).toHaveLength(1);
    const [row] = await db.select().from(jobRuns);
    expect(row).toMatchObject({
      job: "digest",
      runKey: "2026-11-24T08:00",
      status: "done",
      result: { runs: 1 },
      leaseUntil: null,
    });
    // and neither runs it again
    expect((await first.runDue(job, now)).status).toBe("skipped");
    expect((await second.runDue(job, vn("2026-11-24T09:00:00"))).status).toBe("skipped");
    await Promise.all([first.stop(), second.stop()]);
  });

  it("a slot claimed by an instance that died is taken over once its claim expires", async () => {
    const { db } = database();
    const now = vn("2026-11-24T08:00:10");
    // the dead instance claimed the slot at 08:00:05 and never finished
    await db.insert(jobRuns).values({
      job: "digest",
      runKey: "2026-11-24T08:00",
      status: "running",
      claimedBy: "dead",
      leaseUntil: new Date(vn("2026-11-24T08:00:05").getTime() + 10 * MINUTE),
      ranAt: vn("2026-11-24T08:00:05"),
    });
    const { job, runs, finish } = gatedJob();
    finish();
    const deps = dependencies(db, now);
    const survivor = new Scheduler([job], deps, {
      instanceId: "survivor",
      claimLeaseMs: 10 * MINUTE,
    });
    expect((await survivor.runDue(job, now)).status).toBe("skipped");
    deps.clock.set(vn("2026-11-24T08:10:05"));
    expect(await survivor.runDue(job, deps.clock.now())).toMatchObject({
      slot: "2026-11-24T08:00",
      status: "ran",
    });
    expect(runs).toHaveLength(1);
    const [row] = await db.select().from(jobRuns);
    expect(row).toMatchObject({ status: "done", claimedBy: "survivor" });
    await survivor.stop();
  });

  it("a failed run gives its claim back, so another instance may run the slot", async () => {
    const { db } = database();
    const now = vn("2026-11-24T08:00:10");
    let fail = true;
    const flaky: Job = {
      name: "flaky",
      schedule: "0 8 * * *",
      description: "fails once",
      async run() {
        if (fail) throw new Error("database blip");
        return "ok";
      },
    };
    const first = new Scheduler([flaky], dependencies(db, now), { instanceId: "one" });
    expect((await first.runDue(flaky, now)).status).toBe("failed");
    expect(await db.select().from(jobRuns)).toEqual([]);
    fail = false;
    const second = new Scheduler([flaky], dependencies(await secondInstanceDatabase(), now), {
      instanceId: "two",
    });
    expect((await second.runDue(flaky, now)).status).toBe("ran");
    await Promise.all([first.stop(), second.stop()]);
  });
});
