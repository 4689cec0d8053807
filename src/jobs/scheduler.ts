/**
 * Runs the registry's jobs on their cron schedules (node-cron v4, in the
 * configured time zone, never overlapping itself) and makes them catch up.
 *
 * Each tick serves the latest scheduled slot at or before `now` (e.g.
 * "2026-11-23T08:00" local). At start the scheduler does the same for every
 * job, so a slot missed while the process was down runs once, at start, and
 * not again at the next tick.
 *
 * Guarantee: a slot runs once, across any number of instances sharing the
 * database. Before running, an instance claims (job, slot) by inserting a
 * "running" row into `job_runs`; the primary key lets one insert win, the
 * others skip the slot. The winner runs the job (renewing the claim's lease
 * while it runs), then marks the row "done". A failed run deletes its
 * claim, so the next tick (here or elsewhere) tries again. A claim whose
 * instance died (its lease ran out without renewal) is taken over.
 * The window: an instance that stalls past its lease while running (a frozen
 * process) may run alongside the one that took over. Jobs are idempotent
 * anyway (dedupe keys), so even then nothing is queued twice.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, sql } from "drizzle-orm";
import cron, { type Logger as CronLogger, type ScheduledTask } from "node-cron";
import type { Database } from "../db/client.ts";
import { jobRuns } from "../db/schema/index.ts";
import { localParts } from "../domain/dates.ts";
import type { Logger } from "../logger.ts";
import { type Job, type JobDependencies, jobs as registeredJobs } from "./registry.ts";

const MINUTE = 60_000;

export interface JobOutcome {
  job: string;
  /** the scheduled slot served, local time "YYYY-MM-DDTHH:MM"; null when none in the look-back */
  slot: string | null;
  status: "ran" | "skipped" | "failed";
  result?: unknown;
  error?: string;
}

export interface SchedulerOptions {
  /** how far back a missed slot is still made up; default 8 days (a weekly job's period and a day) */
  lookbackMs?: number;
  /** names this instance in job_runs.claimed_by; default host:pid:random */
  instanceId?: string;
  /** a running claim not renewed for this long is taken to be dead; default 10 min (renewed every third) */
  claimLeaseMs?: number;
}

interface SlotClaim {
  job: string;
  slot: string;
  instanceId: string;
}

/**
 * Claims a slot: inserts it as "running", or takes over a "running" claim
 * whose lease ran out. One statement; true for the one instance that wins.
 */
async function claimSlot(
  db: Database,
  claim: SlotClaim & { now: Date; leaseMs: number },
): Promise<boolean> {
  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs);
  const rows = await db
    .insert(jobRuns)
    .values({
      job: claim.job,
      runKey: claim.slot,
      status: "running",
      claimedBy: claim.instanceId,
      leaseUntil,
      ranAt: claim.now,
    })
    .onConflictDoUpdate({
      target: [jobRuns.job, jobRuns.runKey],
      set: {
        claimedBy: sql`excluded.claimed_by`,
        leaseUntil: sql`excluded.lease_until`,
        ranAt: sql`excluded.ran_at`,
      },
      setWhere: sql`${jobRuns.status} = 'running' and ${jobRuns.leaseUntil} <= excluded.ran_at`,
    })
    .returning({ job: jobRuns.job });
  return rows.length > 0;
}

const ownClaim = (claim: SlotClaim) =>
  and(
    eq(jobRuns.job, claim.job),
    eq(jobRuns.runKey, claim.slot),
    eq(jobRuns.status, "running"),
    eq(jobRuns.claimedBy, claim.instanceId),
  );

async function renewSlot(db: Database, claim: SlotClaim, leaseUntil: Date): Promise<void> {
  await db.update(jobRuns).set({ leaseUntil }).where(ownClaim(claim));
}

async function finishSlot(
  db: Database,
  claim: SlotClaim,
  done: { result: unknown; ranAt: Date },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({ status: "done", leaseUntil: null, result: done.result ?? null, ranAt: done.ranAt })
    .where(ownClaim(claim));
}

/** A failed run gives its slot back, so the next tick tries again. */
async function releaseSlot(db: Database, claim: SlotClaim): Promise<void> {
  await db.delete(jobRuns).where(ownClaim(claim));
}

/** node-cron's own messages (missed ticks, overlaps, errors) into our log. */
export function cronLogger(logger: Logger): CronLogger {
  const log = logger.child({ component: "node-cron" });
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, error) =>
      log.error(
        { err: error ?? (message instanceof Error ? message : undefined) },
        String(message),
      ),
    debug: (message, error) => log.debug({ err: error }, String(message)),
  };
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "2026-11-23T08:00", the slot's wall-clock time in the zone. */
export function slotKey(slot: Date, timeZone: string): string {
  const p = localParts(slot, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** Arrays over 20 items are cut to a count and a sample, so job_runs stays small. */
function summarize(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length > 20 ? { count: value.length, first: value.slice(0, 20) } : value;
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        typeof inner === "bigint" ? inner.toString() : summarize(inner),
      ]),
    );
  }
  return typeof value === "bigint" ? value.toString() : value;
}

export class Scheduler {
  private readonly tasks = new Map<string, ScheduledTask>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly logger: Logger;
  private readonly lookbackMs: number;
  private readonly claimLeaseMs: number;
  readonly instanceId: string;
  private started = false;
  private stopped = false;
  private starting: Promise<JobOutcome[]> | undefined;

  constructor(
    readonly jobs: readonly Job[],
    private readonly deps: JobDependencies,
    options: SchedulerOptions = {},
  ) {
    this.logger = deps.logger.child({ component: "scheduler" });
    this.lookbackMs = options.lookbackMs ?? 8 * 24 * 60 * MINUTE;
    this.claimLeaseMs = options.claimLeaseMs ?? 10 * MINUTE;
    this.instanceId =
      options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const names = new Set<string>();
    for (const job of jobs) {
      if (names.has(job.name)) throw new Error(`two jobs are named ${job.name}`);
      names.add(job.name);
      if (job.schedule.trim().split(/\s+/).length !== 5) {
        throw new Error(`job ${job.name}: the schedule must have five fields (minute precision)`);
      }
      if (!cron.validate(job.schedule)) {
        throw new Error(`job ${job.name}: "${job.schedule}" is not a cron expression`);
      }
    }
  }

  /**
   * Makes up missed slots (unless `catchUp` is false), then starts the
   * cron tasks. Returns what the catch-up did.
   */
  async start(options: { catchUp?: boolean } = {}): Promise<JobOutcome[]> {
    if (this.started) return [];
    this.started = true;
    this.stopped = false;
    this.starting = (async () => {
      const outcomes = options.catchUp === false ? [] : await this.runAllDue(this.deps.clock.now());
      if (this.stopped) return outcomes;
      for (const job of this.jobs) await this.task(job).start();
      this.logger.info(
        { jobs: this.jobs.map((job) => `${job.name} (${job.schedule})`) },
        "scheduler started",
      );
      return outcomes;
    })();
    try {
      return await this.starting;
    } finally {
      this.starting = undefined;
    }
  }

  /** Stops the ticks and waits for the jobs running now (and a catch-up in progress) to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    for (const task of this.tasks.values()) {
      await task.stop();
      await task.destroy();
    }
    this.tasks.clear();
    this.started = false;
    await Promise.allSettled([...this.running]);
  }

  /** Runs every job whose latest slot is not done yet, one after another. */
  async runAllDue(now: Date): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of this.jobs) outcomes.push(await this.runDue(job, now));
    return outcomes;
  }

  /** The tick: runs `job` for its latest slot at or before `now`, once. */
  async runDue(job: Job, now: Date): Promise<JobOutcome> {
    const run = this.runSlot(job, now);
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  /** The latest instant at or before `now` that the job's schedule matches, within the look-back. */
  latestSlot(job: Job, now: Date): Date | undefined {
    const task = this.task(job);
    const first = Math.floor(now.getTime() / MINUTE) * MINUTE;
    for (let at = first; at > now.getTime() - this.lookbackMs; at -= MINUTE) {
      const candidate = new Date(at);
      if (task.match(candidate)) return candidate;
    }
    return undefined;
  }

  private async runSlot(job: Job, now: Date): Promise<JobOutcome> {
    const slotAt = this.latestSlot(job, now);
    if (!slotAt) return { job: job.name, slot: null, status: "skipped" };
    const slot = slotKey(slotAt, this.deps.config.timeZone);
    const { db, clock } = this.deps;
    const claim: SlotClaim = { job: job.name, slot, instanceId: this.instanceId };
    const claimed = await claimSlot(db, { ...claim, now: clock.now(), leaseMs: this.claimLeaseMs });
    // done already, or running in another instance (or in this one, from an overlapping catch-up)
    if (!claimed) return { job: job.name, slot, status: "skipped" };
    const log = this.logger.child({ job: job.name, slot });
    const started = Date.now();
    const heartbeat = setInterval(
      () => {
        renewSlot(db, claim, new Date(clock.now().getTime() + this.claimLeaseMs)).catch(
          (error: unknown) => log.warn({ err: error }, "could not renew the slot's claim"),
        );
      },
      Math.max(1000, Math.floor(this.claimLeaseMs / 3)),
    );
    heartbeat.unref();
    let result: unknown;
    try {
      result = await job.run(now, this.deps);
    } catch (error) {
      clearInterval(heartbeat);
      log.error({ err: error }, "job failed: the next tick tries again");
      await releaseSlot(db, claim).catch((releaseError: unknown) =>
        log.warn(
          { err: releaseError },
          "could not release the failed slot: it is tried again once its claim expires",
        ),
      );
      return { job: job.name, slot, status: "failed", error: String(error) };
    }
    clearInterval(heartbeat);
    const summary = summarize(result);
    try {
      await finishSlot(db, claim, { result: summary, ranAt: now });
    } catch (error) {
      log.error(
        { err: error },
        "job ran but could not be recorded: it runs again once its claim expires (jobs are idempotent)",
      );
    }
    log.info({ result: summary, ms: Date.now() - started }, "job ran");
    return { job: job.name, slot, status: "ran", result };
  }

  /** The node-cron task of a job (created stopped; `start()` starts it). */
  private task(job: Job): ScheduledTask {
    let task = this.tasks.get(job.name);
    if (!task) {
      task = cron.createTask(job.schedule, () => this.runDue(job, this.deps.clock.now()), {
        name: job.name,
        timezone: this.deps.config.timeZone,
        noOverlap: true,
        logger: cronLogger(this.deps.logger),
      });
      this.tasks.set(job.name, task);
    }
    return task;
  }
}

/**
 * For main: a scheduler over the registered jobs, started in the background
 * (catch-up first, then the cron ticks). `await scheduler.stop()` on shutdown.
 */
export function startScheduler(
  deps: JobDependencies,
  registry: readonly Job[] = registeredJobs,
): Scheduler {
  const scheduler = new Scheduler(registry, deps);
  scheduler.start().catch((error: unknown) => {
    deps.logger.error({ err: error }, "the scheduler could not start");
  });
  return scheduler;
}
