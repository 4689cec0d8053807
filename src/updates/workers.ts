/**
 * Update workers: claim stored updates (store.ts: per chat, in order, one at
 * a time across every worker of every instance), hand each to the bot, and
 * record the outcome.
 *
 * - Success: done.
 * - A transient error (the database or Telegram away for a moment, see
 *   transient-errors.ts): back to pending after a capped exponential
 *   backoff (Telegram's retry_after for a 429); the chat's later updates
 *   wait, so order is kept. After `maxTransientAttempts` (hours) it is set
 *   aside like any other failure.
 * - Any other error: tried `maxAttempts` times in all, then set aside
 *   (status failed) and logged at error with its update id; the chat goes
 *   on with its next update. (Only errors the bot lets out reach here: an
 *   error boundary that handles an error ends the update as done.)
 * - An update whose effects a previous run committed (`settleUpdate`) is
 *   marked done without being handed to the bot again.
 * - A long handler keeps its lease alive with a heartbeat; a worker that
 *   dies loses the lease and another worker takes the update over.
 *
 * Workers wake at once when `wake()` is called (the ingress of this process
 * stored something) and otherwise look every `pollIntervalMs`, which is how
 * updates stored by another instance are found. `stop()` claims nothing
 * more and waits for the updates in hand to finish and be recorded.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Update } from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import type { InboxUpdate } from "../db/schema/index.ts";
import type { Logger } from "../logger.ts";
import { backoffMs, realSleep, type Sleep } from "./sleep.ts";
import { claimNext, extendLease, markDone, retryLater, setAside } from "./store.ts";
import { describeError, isTransientError, retryAfterMs } from "./transient-errors.ts";

export type { Sleep } from "./sleep.ts";
export {
  isTransientDatabaseError,
  isTransientError,
  isTransientTelegramError,
} from "./transient-errors.ts";

export interface UpdateWorkersOptions {
  db: Database;
  /** the bot's handler: `(update) => bot.handleUpdate(update)` */
  handle: (update: Update) => Promise<unknown>;
  logger: Logger;
  clock: Clock;
  /** updates handled at once in this process (each of a different chat); default 4 */
  concurrency?: number;
  /** names this process's workers in claimed_by; default host:pid:random */
  workerId?: string;
  /**
   * how long a claim holds before another worker may take the update over; default 15 s. Short,
   * because an owner whose update was in hand when its process died waits that long for an
   * answer; a handler that runs longer renews it (the heartbeat), so length costs nothing.
   */
  leaseMs?: number;
  /** how often a running handler renews its lease; default a third of the lease */
  heartbeatMs?: number;
  /** how often an idle process looks for updates stored elsewhere or due again; default 1 s */
  pollIntervalMs?: number;
  /** tries of an update whose handler keeps failing (not transiently); default 3 */
  maxAttempts?: number;
  /** tries while the failure is transient; default 60 (about 4 hours at the default backoff) */
  maxTransientAttempts?: number;
  /** retry delays: base * 2^(attempt-1), capped; default 1 s, 5 min */
  backoff?: { baseMs: number; maxMs: number };
  /** how long `stop()` waits for the updates in hand; default 15 s (then their leases run out) */
  stopGraceMs?: number;
  sleep?: Sleep;
  random?: () => number;
  /** an update failed for a passing reason (the database away): the ingress tells the chat, once */
  onTransientFailure?: (update: Update) => void;
  /** an update was handled: whatever outage there was is over */
  onHandled?: () => void;
}

export interface WorkerStats {
  claimed: number;
  done: number;
  retried: number;
  setAside: number;
  /** a worker found its update taken over by another (its lease had run out) */
  leaseLost: number;
}

export interface UpdateWorkers {
  readonly workerId: string;
  readonly stats: WorkerStats;
  /** Something was stored: look now rather than at the next poll. */
  wake(): void;
  /** Claims nothing more; resolves when the updates in hand are recorded (or the grace ran out). */
  stop(): Promise<void>;
}

type Mode = "forever" | "until-idle";

/** What `claimNext` returned and the worker holds. */
type Held = Pick<InboxUpdate, "id" | "updateId" | "chatKey" | "attempts" | "payload" | "settledAt">;

export class UpdateWorkerPool implements UpdateWorkers {
  readonly workerId: string;
  readonly stats: WorkerStats = { claimed: 0, done: 0, retried: 0, setAside: 0, leaseLost: 0 };
  private readonly db: Database;
  private readonly handle: UpdateWorkersOptions["handle"];
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly maxTransientAttempts: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly stopGraceMs: number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private stopping = false;
  private loops: Promise<void>[] = [];
  private stopController = new AbortController();
  private wakeController = new AbortController();
  /** bumped by wake(): a worker that saw it change while claiming looks again instead of sleeping */
  private wakeGeneration = 0;
  /** consecutive failed claims (the database is away): the idle wait grows */
  private claimFailures = 0;
  private sleeping = 0;
  private readonly options: UpdateWorkersOptions;

  constructor(options: UpdateWorkersOptions) {
    this.options = options;
    this.db = options.db;
    this.handle = options.handle;
    this.logger = options.logger.child({ component: "update-workers" });
    this.clock = options.clock;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.leaseMs = options.leaseMs ?? 15_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(this.leaseMs / 3));
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxTransientAttempts = options.maxTransientAttempts ?? 60;
    this.backoff = options.backoff ?? { baseMs: 1000, maxMs: 5 * 60_000 };
    this.stopGraceMs = options.stopGraceMs ?? 15_000;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  /** Starts `concurrency` workers in the background until `stop()`. */
  start(): void {
    if (this.loops.length > 0) return;
    this.stopping = false;
    this.stopController = new AbortController();
    this.loops = Array.from({ length: this.concurrency }, (_, slot) => this.loop(slot, "forever"));
    this.logger.info(
      { workerId: this.workerId, concurrency: this.concurrency },
      "update workers started",
    );
  }

  /** Workers waiting for a wake() or the next poll (for health checks and tests). */
  get idle(): number {
    return this.sleeping;
  }

  wake(): void {
    this.wakeGeneration++;
    this.wakeController.abort();
    this.wakeController = new AbortController();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stopController.abort();
    const loops = Promise.allSettled(this.loops);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = await Promise.race([
      loops.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), this.stopGraceMs);
      }),
    ]);
    clearTimeout(timer);
    if (gaveUp) {
      this.logger.warn(
        { graceMs: this.stopGraceMs },
        "update workers stopped with updates in hand: their leases will run out and another worker takes them",
      );
    }
    this.loops = [];
    this.logger.info({ workerId: this.workerId, stats: this.stats }, "update workers stopped");
  }

  /**
   * For tests and tools: `concurrency` workers handle updates until none is
   * claimable at the clock's current time (retries not yet due stay).
   */
  async runUntilIdle(): Promise<WorkerStats> {
    if (this.loops.length > 0) throw new Error("the workers are running: stop() them first");
    this.stopping = false;
    const before = { ...this.stats };
    await Promise.all(
      Array.from({ length: this.concurrency }, (_, slot) => this.loop(slot, "until-idle")),
    );
    return {
      claimed: this.stats.claimed - before.claimed,
      done: this.stats.done - before.done,
      retried: this.stats.retried - before.retried,
      setAside: this.stats.setAside - before.setAside,
      leaseLost: this.stats.leaseLost - before.leaseLost,
    };
  }

  private async loop(slot: number, mode: Mode): Promise<void> {
    const workerId = `${this.workerId}#${slot}`;
    while (!this.stopping) {
      const generation = this.wakeGeneration;
      let held: Held | undefined;
      try {
        [held] = await claimNext(this.db, {
          workerId,
          now: this.clock.now(),
          leaseMs: this.leaseMs,
          limit: 1,
        });
        this.claimFailures = 0;
      } catch (error) {
        if (mode === "until-idle") throw error;
        this.claimFailures++;
        const waitMs = backoffMs(
          this.claimFailures,
          { baseMs: this.pollIntervalMs, maxMs: 30_000 },
          this.random,
        );
        this.logger.warn(
          { err: error, waitMs, failures: this.claimFailures },
          "could not claim updates: waiting for the database",
        );
        await this.sleep(waitMs, this.stopController.signal);
        continue;
      }
      if (held) {
        this.stats.claimed++;
        // where there was one update there may be more: rouse the idle workers
        if (this.sleeping > 0) this.wake();
        await this.process(held, workerId);
        continue;
      }
      if (mode === "until-idle") return;
      // A wake() during the claim may concern an update the claim did not see yet.
      if (generation !== this.wakeGeneration) continue;
      // Idle, only the first worker polls (one query a poll per process, PGlite's one
      // connection stays free); the others wait for a wake, with a long poll as a safety net.
      const pollMs = slot === 0 ? this.pollIntervalMs : this.pollIntervalMs * 60;
      this.sleeping++;
      try {
        await this.sleep(
          pollMs,
          AbortSignal.any([this.stopController.signal, this.wakeController.signal]),
        );
      } finally {
        this.sleeping--;
      }
    }
  }

  private async process(held: Held, workerId: string): Promise<void> {
    const log = this.logger.child({ update_id: held.updateId, chat: held.chatKey });
    if (held.settledAt) {
      // its effects were committed by a run whose worker died before marking it done
      log.info("update settled by an earlier run: not handed to the bot again");
      await this.finish(held, workerId, log);
      return;
    }
    const heartbeat = setInterval(() => {
      void this.renewLease(held, workerId, log);
    }, this.heartbeatMs);
    heartbeat.unref();
    let failure: { error: unknown } | undefined;
    try {
      await this.handle(held.payload as unknown as Update);
    } catch (error) {
      failure = { error };
    } finally {
      clearInterval(heartbeat);
    }
    if (!failure) {
      this.options.onHandled?.();
      await this.finish(held, workerId, log);
      return;
    }
    if (isTransientError(failure.error))
      this.options.onTransientFailure?.(held.payload as unknown as Update);
    try {
      await this.recordFailure(held, workerId, failure.error, log);
    } catch (error) {
      // The database is away: the update stays "processing" until its lease runs out, then comes back.
      log.error(
        { err: error, leaseMs: this.leaseMs },
        "could not record an update's outcome: it will be handled again when its lease runs out",
      );
    }
  }

  private async finish(held: Held, workerId: string, log: Logger): Promise<void> {
    try {
      const recorded = await this.persist(() =>
        markDone(this.db, { id: held.id, workerId, now: this.clock.now() }),
      );
      if (recorded) this.stats.done++;
      else this.leaseLost(log);
    } catch (error) {
      log.error(
        { err: error, leaseMs: this.leaseMs },
        "could not mark an update done: it comes back when its lease runs out",
      );
    }
  }

  private async recordFailure(
    held: Held,
    workerId: string,
    error: unknown,
    log: Logger,
  ): Promise<void> {
    const transient = isTransientError(error);
    const description = describeError(error);
    const limit = transient ? this.maxTransientAttempts : this.maxAttempts;
    const now = this.clock.now();
    if (held.attempts >= limit) {
      const recorded = await this.persist(() =>
        setAside(this.db, { id: held.id, workerId, error: description, now }),
      );
      if (!recorded) return this.leaseLost(log);
      this.stats.setAside++;
      log.error(
        { err: error, attempts: held.attempts, transient },
        "update set aside after repeated failures: the chat goes on with its next update",
      );
      return;
    }
    const delayMs = Math.max(
      retryAfterMs(error) ?? 0,
      backoffMs(held.attempts, this.backoff, this.random),
    );
    const recorded = await this.persist(() =>
      retryLater(this.db, {
        id: held.id,
        workerId,
        error: description,
        availableAt: new Date(now.getTime() + delayMs),
      }),
    );
    if (!recorded) return this.leaseLost(log);
    this.stats.retried++;
    log.warn(
      { err: error, attempts: held.attempts, transient, retryInMs: delayMs },
      "update failed: will retry, the chat's later updates wait",
    );
  }

  private async renewLease(held: Held, workerId: string, log: Logger): Promise<void> {
    try {
      const renewed = await extendLease(this.db, {
        id: held.id,
        workerId,
        leaseUntil: new Date(this.clock.now().getTime() + this.leaseMs),
      });
      if (!renewed) log.warn("lease lost while handling: another worker may handle it too");
    } catch (error) {
      log.warn({ err: error }, "could not renew the lease");
    }
  }

  private leaseLost(log: Logger): void {
    this.stats.leaseLost++;
    log.warn("the update's lease had run out and another worker took it: outcome not recorded");
  }

  /** A write after a handler ran: tried three times, so a blip does not make it run twice. */
  private async persist(write: () => Promise<boolean>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        if (attempt >= 3) throw error;
        await realSleep(200 * attempt);
      }
    }
  }
}

/**
 * For the application: `concurrency` workers started in the background.
 * Call `wake()` after storing updates, `await stop()` on shutdown.
 */
export function startUpdateWorkers(options: UpdateWorkersOptions): UpdateWorkers {
  const pool = new UpdateWorkerPool(options);
  pool.start();
  return pool;
}
