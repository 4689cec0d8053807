/**
 * Runs the registry's jobs on their cron schedules (node-cron v4, in the
 * configured time zone, never overlapping itself) and makes them catch up.
 *
 * Each tick runs the job for the latest scheduled slot at or before `now`
 * (e.g. "2026-11-23T08:00" local) unless `job_runs` says that slot was done,
 * and records the slot once the job succeeds. At start the scheduler does
 * the same for every job, so a slot missed while the process was down runs
 * once, at start, and not again at the next tick. Jobs are idempotent
 * (dedupe keys), so two instances racing on one slot queue nothing twice.
 * A failed run is not recorded: the next tick tries again.
 */
import { and, eq } from "drizzle-orm";
import cron, { type Logger as CronLogger, type ScheduledTask } from "node-cron";
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
    const { db } = this.deps;
    const done = await db
      .select({ job: jobRuns.job })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job.name), eq(jobRuns.runKey, slot)))
      .limit(1);
    if (done.length > 0) return { job: job.name, slot, status: "skipped" };
    const log = this.logger.child({ job: job.name, slot });
    const started = Date.now();
    let result: unknown;
    try {
      result = await job.run(now, this.deps);
    } catch (error) {
      log.error({ err: error }, "job failed: the next tick tries again");
      return { job: job.name, slot, status: "failed", error: String(error) };
    }
    const summary = summarize(result);
    await db
      .insert(jobRuns)
      .values({ job: job.name, runKey: slot, result: summary ?? null, ranAt: now })
      .onConflictDoNothing();
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
