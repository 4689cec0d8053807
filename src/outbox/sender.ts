/**
 * The outbox sender: drains the outbox to Telegram, within Telegram's limits.
 *
 * How it works
 * - Claims due rows in small batches (`claimDue`: `FOR UPDATE SKIP LOCKED`
 *   in one short transaction that sets status "sending" and a lease), so any
 *   number of senders, in any number of processes, share one PostgreSQL
 *   without taking the same row. A row whose lease ran out (its sender died)
 *   is claimable again.
 * - Keeps under Telegram's limits: at most `globalRatePerSecond` sends in any
 *   one-second window (a sliding window counted from when each answer came
 *   back, which is never earlier than when Telegram counted it: no 429 from
 *   timing jitter), and one message per chat per `perChatIntervalMs` (the
 *   claim itself refuses a chat with a message in flight or sent too
 *   recently, so this holds across senders too).
 * - What a failure means is decided in failure-policy.ts (429 pauses, 403
 *   marks the person blocked, 5xx and network errors back off, …).
 * - "daytime" rows are not claimed during quiet hours, and are checked again
 *   just before sending.
 * - With a `leadership` (several instances on one database), only the leader
 *   claims and sends, so the global rate holds across instances.
 *
 * Crash window (duplicate delivery). Delivery is at least once. A message is
 * sent twice only when Telegram accepted it and the row was not marked sent:
 * (1) the process dies between Telegram's answer and the commit of
 * `status = 'sent'` (one single-row UPDATE, milliseconds); (2) the answer is
 * lost (connection reset or timeout after Telegram accepted the request): we
 * cannot tell it from a failure and retry; (3) a send outlives its lease and
 * another sender reclaims the row; the lease (60 s) is kept at least twice
 * the API timeout (`createOutboxApi`: 20 s) so this needs a stalled process.
 * In cases (1) and (3) the second send happens only after the lease expires.
 * Telegram has no idempotency key, so this window cannot be closed entirely;
 * a row is never marked sent before Telegram answered, so nothing is lost.
 */
import type { Api } from "grammy";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import type { OutboxRow } from "../db/schema/index.ts";
import { quietState } from "../domain/quiet-hours.ts";
import type { Logger } from "../logger.ts";
import { type Delivered, deliverPayload, recordCard } from "./api.ts";
import { applyFailure, backoffMs, type FailureContext } from "./failure-policy.ts";
import { ChatSpacing, realSleep, SendWindow } from "./send-window.ts";
import { type OutboxSenderOptions, type SenderSettings, senderSettings } from "./sender-options.ts";
import { emptyStats, type SenderStats } from "./sender-stats.ts";
import { claimDue, hasClaimableBy, markSent, releaseClaims, reschedule } from "./store.ts";

type Mode = "forever" | "until-idle" | "once";

export class OutboxSender {
  readonly senderId: string;
  readonly stats: SenderStats = emptyStats();
  private readonly db: Database;
  private readonly api: Api;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly config: OutboxSenderOptions["config"];
  private readonly settings: SenderSettings;
  private readonly window: SendWindow;
  private readonly spacing: ChatSpacing;
  /** claimed rows waiting for their turn */
  private queue: OutboxRow[] = [];
  /** ids in the queue or in flight */
  private readonly held = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  private pausedUntil = 0;
  private nextClaimAt = 0;
  private stopping = false;
  private running: Promise<void> | undefined;
  private stopController = new AbortController();
  private wakeController = new AbortController();
  /** set by wake(), cleared when a claim starts */
  private wakeRequested = false;

  constructor(options: OutboxSenderOptions) {
    this.db = options.db;
    this.api = options.api;
    this.clock = options.clock;
    this.logger = options.logger.child({ component: "outbox-sender" });
    this.config = options.config;
    this.settings = senderSettings(options);
    this.senderId = this.settings.senderId;
    const { safetyMarginMs } = this.settings;
    this.window = SendWindow.forRate(options.config.outbox.globalRatePerSecond, safetyMarginMs);
    this.spacing = new ChatSpacing(options.config.outbox.perChatIntervalMs + safetyMarginMs);
  }

  /** Starts draining in the background until `stop()`. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.stopController = new AbortController();
    this.running = this.loop("forever", 0).finally(() => {
      this.running = undefined;
    });
    this.logger.info({ senderId: this.senderId }, "outbox sender started");
  }

  /**
   * Stops: claims nothing more, waits for the sends in flight to be answered
   * and recorded, and puts the rows it held but had not sent back to pending.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopController.abort();
    await this.running;
    // Another instance may lead at once, rather than when the lease runs out.
    await this.settings.leadership.release?.();
    this.logger.info({ senderId: this.senderId, stats: this.stats }, "outbox sender stopped");
  }

  /** Something was queued: look for it now instead of at the next poll. */
  wake(): void {
    this.nextClaimAt = 0;
    this.wakeRequested = true;
    this.wakeController.abort();
    this.wakeController = new AbortController();
  }

  /** Claims one batch, sends it within the limits, and returns what happened. */
  async drainOnce(): Promise<SenderStats> {
    return this.measure(() => this.loop("once", 0));
  }

  /**
   * Sends until nothing is due at the clock's current time, waiting (through
   * `sleep`) for rate limits, 429 pauses and, when `horizonMs` is given, for
   * rows that become due within that horizon (backoff, per-chat spacing).
   */
  async runUntilIdle(options: { horizonMs?: number } = {}): Promise<SenderStats> {
    return this.measure(() => this.loop("until-idle", options.horizonMs ?? 0));
  }

  private async measure(run: () => Promise<void>): Promise<SenderStats> {
    if (this.running) throw new Error("the sender is running: stop() it first");
    this.stopping = false;
    const before = { ...this.stats };
    await run();
    const after = this.stats;
    const delta = emptyStats();
    for (const key of Object.keys(delta) as (keyof SenderStats)[]) {
      delta[key] = after[key] - before[key];
    }
    return delta;
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  private isQuiet(at: Date): ReturnType<typeof quietState> {
    return quietState(at, this.config.timeZone, this.config.quietHours);
  }

  private async loop(mode: Mode, horizonMs: number): Promise<void> {
    let claimedOnce = false;
    try {
      while (!this.stopping) {
        if (mode === "forever") {
          try {
            await this.step(mode, horizonMs, false);
          } catch (error) {
            this.logger.error({ err: error }, "outbox sender step failed");
            await this.settings.sleep(this.settings.pollIntervalMs, this.stopController.signal);
          }
          continue;
        }
        const next = await this.step(mode, horizonMs, claimedOnce);
        claimedOnce ||= next.claimed;
        if (next.done) break;
      }
    } finally {
      await Promise.allSettled([...this.inFlight]);
      await this.releaseQueue(null);
    }
  }

  /** One turn of the loop: wait for something, claim, or send one row. */
  private async step(
    mode: Mode,
    horizonMs: number,
    claimedOnce: boolean,
  ): Promise<{ done: boolean; claimed: boolean }> {
    let claimed = false;
    const now = this.nowMs();
    if (mode === "once" && claimedOnce && this.queue.length === 0 && this.inFlight.size === 0) {
      return { done: true, claimed };
    }
    if (this.pausedUntil > now) {
      await this.settings.sleep(this.pausedUntil - now, this.stopController.signal);
      return { done: false, claimed };
    }
    const mayClaim = mode !== "once" || !claimedOnce;
    if (
      mayClaim &&
      (this.queue.length === 0 ||
        (this.queue.length < this.settings.batchSize / 2 && now >= this.nextClaimAt))
    ) {
      // Anything queued before this point is seen by this claim; a wake() from now on is not.
      this.wakeRequested = false;
      await this.claim(new Date(now));
      claimed = true;
    }
    if (this.queue.length === 0) {
      if (this.inFlight.size > 0) {
        await Promise.race(this.inFlight);
        return { done: false, claimed };
      }
      if (mode === "once") return { done: true, claimed };
      if (mode === "until-idle") {
        const later = new Date(now + horizonMs);
        if (horizonMs <= 0 || !(await hasClaimableBy(this.db, later, this.isQuiet(later).quiet))) {
          return { done: true, claimed };
        }
      }
      // A wake() that came while we were claiming must not be lost: look again at once.
      if (this.wakeRequested) return { done: false, claimed };
      await this.settings.sleep(
        this.settings.pollIntervalMs,
        AbortSignal.any([this.stopController.signal, this.wakeController.signal]),
      );
      return { done: false, claimed };
    }
    const wait = this.inFlight.size >= this.window.capacity ? undefined : this.window.waitMs(now);
    if (wait === undefined) {
      await Promise.race(this.inFlight);
    } else if (wait > 0) {
      await this.settings.sleep(wait, this.stopController.signal);
    } else {
      const row = this.queue.shift();
      if (row) await this.dispatch(row, now);
    }
    return { done: false, claimed };
  }

  private async claim(now: Date): Promise<void> {
    const want = this.settings.batchSize - this.queue.length;
    if (want <= 0) return;
    if (!(await this.settings.leadership.isLeader(now))) {
      // Another instance sends: hold nothing, look again at the next poll.
      await this.releaseQueue(null);
      this.nextClaimAt = now.getTime() + this.settings.pollIntervalMs;
      return;
    }
    const result = await claimDue(this.db, {
      now,
      limit: want,
      claimedBy: this.senderId,
      leaseMs: this.settings.leaseMs,
      quiet: this.isQuiet(now).quiet,
      perChatIntervalMs: this.config.outbox.perChatIntervalMs + this.settings.safetyMarginMs,
    });
    this.stats.failed += result.skippedBlocked;
    for (const row of result.claimed) {
      // our own row whose lease ran out while we held it: we still have it
      if (this.held.has(row.id)) continue;
      this.held.add(row.id);
      this.queue.push(row);
      this.stats.claimed++;
    }
    this.nextClaimAt =
      result.claimed.length < want ? now.getTime() + this.settings.pollIntervalMs : now.getTime();
  }

  /** Sends one row (not awaited: several may be in flight, within the window). */
  private async dispatch(row: OutboxRow, now: number): Promise<void> {
    if (row.urgency === "daytime") {
      const quiet = this.isQuiet(new Date(now));
      if (quiet.quiet) {
        await this.put(row, () =>
          reschedule(this.db, row.id, {
            now: new Date(now),
            notBefore: quiet.endsAt,
            countAttempt: false,
          }),
        );
        this.stats.released++;
        return;
      }
    }
    const chatReadyAt = this.spacing.readyAt(row.chatId);
    if (chatReadyAt > now) {
      // Only when a row reached us without the claim's per-chat check (a reclaim): let it wait in the table.
      await this.put(row, () =>
        reschedule(this.db, row.id, {
          now: new Date(now),
          notBefore: new Date(chatReadyAt),
          countAttempt: false,
        }),
      );
      this.stats.released++;
      return;
    }
    this.window.begin();
    const sending = this.send(row).finally(() => {
      this.inFlight.delete(sending);
    });
    this.inFlight.add(sending);
  }

  /** Runs a write that ends our hold on a row, then forgets the row. */
  private async put(row: OutboxRow, write: () => Promise<unknown>): Promise<void> {
    try {
      await this.persist(write, row);
    } finally {
      this.held.delete(row.id);
    }
  }

  private async send(row: OutboxRow): Promise<void> {
    let message: Delivered | undefined;
    let failure: unknown;
    try {
      message = await deliverPayload(this.api, this.db, row);
    } catch (error) {
      failure = error;
    }
    const finishedAt = this.nowMs();
    this.window.end(finishedAt);
    this.spacing.recordSend(row.chatId, finishedAt);
    try {
      if (message) {
        const sentMessage = message;
        await this.persist(
          () => markSent(this.db, row.id, new Date(finishedAt), sentMessage.message_id),
          row,
        );
        await this.persist(() => recordCard(this.db, row, sentMessage.message_id), row);
        this.stats.sent++;
        this.logger.debug(
          { id: row.id, chatId: row.chatId, kind: row.kind },
          "outbox message sent",
        );
      } else {
        await this.handleFailure(row, failure, finishedAt);
      }
    } catch (error) {
      this.logger.error({ err: error, id: row.id }, "could not record the outcome of a send");
    } finally {
      this.held.delete(row.id);
    }
  }

  /** Decides what a failed send means and records it (failure-policy.ts). */
  private async handleFailure(row: OutboxRow, error: unknown, at: number): Promise<void> {
    await applyFailure(this.failureContext, row, error, at);
  }

  private readonly failureContext: FailureContext = {
    db: () => this.db,
    logger: () => this.logger,
    stats: () => this.stats,
    maxAttempts: () => this.config.outbox.maxAttempts,
    backoffMs: (attempts) => this.backoffMs(attempts),
    backoffBaseMs: () => this.settings.backoff.baseMs,
    pause: (until) => this.pause(until),
    releaseQueue: (notBefore) => this.releaseQueue(notBefore),
    dropQueuedForChat: async (chatId, write) => {
      const mine = this.queue.filter((queued) => queued.chatId === chatId);
      this.queue = this.queue.filter((queued) => queued.chatId !== chatId);
      for (const queued of mine) await this.put(queued, () => write(queued));
      return mine.length;
    },
  };

  /** The wait before the next try after `attempts` tries (see failure-policy.ts). */
  backoffMs(attempts: number): number {
    return backoffMs(attempts, this.settings.backoff, this.settings.random());
  }

  private pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Puts every row waiting in the queue back to pending. */
  private async releaseQueue(notBefore: Date | null): Promise<void> {
    if (this.queue.length === 0) return;
    const rows = this.queue;
    this.queue = [];
    try {
      this.stats.released += await releaseClaims(
        this.db,
        rows.map((row) => row.id),
        this.senderId,
        { now: this.clock.now(), notBefore },
      );
    } catch (error) {
      this.logger.error(
        { err: error, ids: rows.map((row) => row.id) },
        "could not release held rows: they return when their lease ends",
      );
    } finally {
      for (const row of rows) this.held.delete(row.id);
    }
  }

  /** A database write after a send: tried three times, so a blip does not cause a second delivery. */
  private async persist(write: () => Promise<unknown>, row: OutboxRow): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        this.logger.warn({ err: error, id: row.id, attempt }, "outbox write failed: retrying");
        await realSleep(200 * attempt, this.stopController.signal);
      }
    }
  }
}
