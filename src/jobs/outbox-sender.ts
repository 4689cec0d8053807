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
 * - 429: the row waits `retry_after`, and the whole sender pauses as long
 *   (Telegram's flood control is per bot); rows it held are released.
 *   Network errors and 5xx: capped exponential backoff with jitter, "dead"
 *   after `maxAttempts`. 403 (blocked, deactivated) and 400 "chat not found":
 *   the user is marked blocked, the row "failed", and every later row to
 *   that chat is skipped until they come back (/start, or unblocking).
 * - "daytime" rows are not claimed during quiet hours, and are checked again
 *   just before sending.
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
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { Clock, FakeClock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { OutboxRow } from "../db/schema/index.ts";
import { quietState } from "../domain/quiet-hours.ts";
import type { Logger } from "../logger.ts";
import {
  claimDue,
  hasClaimableBy,
  markFinal,
  markRecipientBlocked,
  markSent,
  releaseClaims,
  reschedule,
} from "../services/outbox.ts";

/** Waits `ms` (or until `signal` aborts). Tests pass `virtualSleep(clock)`, which moves a FakeClock instead. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener("abort", done, { once: true });
  });

/** A sleep that advances a FakeClock at once: tests run hours of sending in milliseconds. */
export function virtualSleep(clock: FakeClock): Sleep {
  return async (ms) => {
    clock.advance(Math.max(1, Math.ceil(ms)));
  };
}

/** The API the sender talks through; the timeout stays well under the lease. */
export function createOutboxApi(
  config: Pick<Config, "botToken" | "telegramApiRoot">,
  options: { fetch?: typeof fetch; timeoutSeconds?: number } = {},
): Api {
  return new Api(config.botToken, {
    apiRoot: config.telegramApiRoot,
    fetch: options.fetch,
    timeoutSeconds: options.timeoutSeconds ?? 20,
  });
}

/**
 * At most `capacity` sends in any `windowMs`, each counted from when its
 * answer came back (and counted from its start while it is in flight).
 */
export class SendWindow {
  private readonly finished: number[] = [];
  private inFlight = 0;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
  ) {}

  static forRate(perSecond: number, safetyMarginMs: number): SendWindow {
    const capacity = Math.max(1, Math.floor(perSecond));
    return new SendWindow(capacity, (1000 * capacity) / perSecond + safetyMarginMs);
  }

  /** 0: send now; n > 0: wait n ms; undefined: wait until a send in flight finishes. */
  waitMs(now: number): number | undefined {
    while (this.finished.length > 0 && (this.finished[0] ?? 0) <= now - this.windowMs) {
      this.finished.shift();
    }
    if (this.finished.length + this.inFlight < this.capacity) return 0;
    const oldest = this.finished[0];
    if (oldest === undefined) return undefined;
    return Math.max(1, oldest + this.windowMs - now);
  }

  begin(): void {
    this.inFlight++;
  }

  end(at: number): void {
    this.inFlight--;
    let index = this.finished.length;
    while (index > 0 && (this.finished[index - 1] ?? 0) > at) index--;
    this.finished.splice(index, 0, at);
  }
}

export interface OutboxSenderOptions {
  db: Database;
  api: Api;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, "timeZone" | "quietHours" | "outbox">;
  /** kept in claimed_by; default host:pid:random */
  senderId?: string;
  /** rows per claim; default max(10, global rate) */
  batchSize?: number;
  /** how long a claim holds a row before another sender may take it; default 60 s */
  leaseMs?: number;
  /** how often an idle sender looks for due rows; default 1 s (`wake()` looks at once) */
  pollIntervalMs?: number;
  /** added to every rate window, for clock and network jitter; default 25 ms */
  safetyMarginMs?: number;
  /** retry delays after network errors and 5xx: base * 2^(attempt-1), capped; default 5 s, 15 min */
  backoff?: { baseMs: number; maxMs: number };
  sleep?: Sleep;
  /** for the jitter of the backoff; default Math.random */
  random?: () => number;
}

export interface SenderStats {
  claimed: number;
  sent: number;
  /** refused for good by Telegram (a bad request), or skipped because the recipient blocked the bot */
  failed: number;
  /** gave up after maxAttempts */
  dead: number;
  /** recipients found blocked (403 / chat not found) */
  blocked: number;
  /** network errors and 5xx, to be tried again */
  retried: number;
  /** 429 answers */
  rateLimited: number;
  /** claimed but put back: quiet hours began, a 429 pause, stopping */
  released: number;
}

const emptyStats = (): SenderStats => ({
  claimed: 0,
  sent: 0,
  failed: 0,
  dead: 0,
  blocked: 0,
  retried: 0,
  rateLimited: 0,
  released: 0,
});

const BLOCKED_DESCRIPTION =
  /blocked by the user|user is deactivated|chat not found|bot was kicked|bot can't initiate|PEER_ID_INVALID|have no rights to send/i;

class InvalidPayloadError extends Error {}

type Mode = "forever" | "until-idle" | "once";

export class OutboxSender {
  readonly senderId: string;
  readonly stats: SenderStats = emptyStats();
  private readonly db: Database;
  private readonly api: Api;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly config: OutboxSenderOptions["config"];
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private readonly safetyMarginMs: number;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly window: SendWindow;
  /** claimed rows waiting for their turn */
  private queue: OutboxRow[] = [];
  /** ids in the queue or in flight */
  private readonly held = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();
  /** per chat: when its last send finished */
  private readonly chatLastSend = new Map<number, number>();
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
    this.senderId = options.senderId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const rate = options.config.outbox.globalRatePerSecond;
    this.batchSize = options.batchSize ?? Math.max(10, Math.ceil(rate));
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.safetyMarginMs = options.safetyMarginMs ?? 25;
    this.backoff = options.backoff ?? { baseMs: 5000, maxMs: 15 * 60_000 };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.window = SendWindow.forRate(rate, this.safetyMarginMs);
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
            await this.sleep(this.pollIntervalMs, this.stopController.signal);
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
      await this.sleep(this.pausedUntil - now, this.stopController.signal);
      return { done: false, claimed };
    }
    const mayClaim = mode !== "once" || !claimedOnce;
    if (
      mayClaim &&
      (this.queue.length === 0 ||
        (this.queue.length < this.batchSize / 2 && now >= this.nextClaimAt))
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
      await this.sleep(
        this.pollIntervalMs,
        AbortSignal.any([this.stopController.signal, this.wakeController.signal]),
      );
      return { done: false, claimed };
    }
    const wait = this.inFlight.size >= this.window.capacity ? undefined : this.window.waitMs(now);
    if (wait === undefined) {
      await Promise.race(this.inFlight);
    } else if (wait > 0) {
      await this.sleep(wait, this.stopController.signal);
    } else {
      const row = this.queue.shift();
      if (row) await this.dispatch(row, now);
    }
    return { done: false, claimed };
  }

  private async claim(now: Date): Promise<void> {
    const want = this.batchSize - this.queue.length;
    if (want <= 0) return;
    const result = await claimDue(this.db, {
      now,
      limit: want,
      claimedBy: this.senderId,
      leaseMs: this.leaseMs,
      quiet: this.isQuiet(now).quiet,
      perChatIntervalMs: this.config.outbox.perChatIntervalMs + this.safetyMarginMs,
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
      result.claimed.length < want ? now.getTime() + this.pollIntervalMs : now.getTime();
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
    const lastSend = this.chatLastSend.get(row.chatId);
    const chatReadyAt =
      lastSend === undefined
        ? 0
        : lastSend + this.config.outbox.perChatIntervalMs + this.safetyMarginMs;
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
    let message: Message | undefined;
    let failure: unknown;
    try {
      message = await this.deliver(row);
    } catch (error) {
      failure = error;
    }
    const finishedAt = this.nowMs();
    this.window.end(finishedAt);
    this.chatLastSend.set(row.chatId, finishedAt);
    this.forgetOldChats(finishedAt);
    try {
      if (message) {
        const sentMessage = message;
        await this.persist(
          () => markSent(this.db, row.id, new Date(finishedAt), sentMessage.message_id),
          row,
        );
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

  private async deliver(row: OutboxRow): Promise<Message> {
    const payload = row.payload;
    if (payload.type === "text") {
      return this.api.sendMessage(row.chatId, payload.text, {
        ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
        // any of Telegram's reply markups, stored as Telegram takes it
        ...(payload.replyMarkup
          ? { reply_markup: payload.replyMarkup as InlineKeyboardMarkup }
          : {}),
      });
    }
    if (payload.type === "document") {
      const document = payload.fileId
        ? payload.fileId
        : payload.contentBase64 !== undefined
          ? new InputFile(Buffer.from(payload.contentBase64, "base64"), payload.fileName)
          : undefined;
      if (document === undefined) {
        throw new InvalidPayloadError("a document payload needs fileId or contentBase64");
      }
      return this.api.sendDocument(row.chatId, document, {
        ...(payload.caption ? { caption: payload.caption } : {}),
        ...(payload.parseMode ? { parse_mode: payload.parseMode } : {}),
      });
    }
    throw new InvalidPayloadError(`unknown payload type ${(payload as { type: string }).type}`);
  }

  private async handleFailure(row: OutboxRow, error: unknown, at: number): Promise<void> {
    const now = new Date(at);
    const description = describeError(error);
    if (error instanceof GrammyError) {
      const code = error.error_code;
      if (code === 429) {
        const retryAfterMs = Math.max(1, error.parameters.retry_after ?? 1) * 1000;
        const until = at + retryAfterMs;
        this.stats.rateLimited++;
        this.logger.warn(
          { id: row.id, chatId: row.chatId, retryAfterSeconds: retryAfterMs / 1000 },
          "Telegram asked the sender to slow down (429): pausing",
        );
        this.pause(until);
        await reschedule(this.db, row.id, {
          now,
          notBefore: new Date(until),
          countAttempt: false,
          lastError: description,
        });
        await this.releaseQueue(new Date(until));
        return;
      }
      if (code === 403 || (code === 400 && BLOCKED_DESCRIPTION.test(error.description))) {
        const skipped = await markRecipientBlocked(
          this.db,
          { id: row.id, chatId: row.chatId, userId: row.userId },
          { now, lastError: description },
        );
        // rows to that chat we already hold go the same way
        const mine = this.queue.filter((queued) => queued.chatId === row.chatId);
        this.queue = this.queue.filter((queued) => queued.chatId !== row.chatId);
        for (const queued of mine) {
          await this.put(queued, () =>
            markFinal(this.db, queued.id, "failed", {
              now,
              lastError: "skipped: the recipient has blocked the bot",
            }),
          );
        }
        this.stats.blocked++;
        this.stats.failed += 1 + skipped + mine.length;
        this.logger.info(
          { id: row.id, chatId: row.chatId, userId: row.userId, skipped: skipped + mine.length },
          "recipient unreachable: marked blocked",
        );
        return;
      }
      if (code === 401 || code === 404) {
        // the token or the API root is wrong: not this message's fault
        this.logger.error({ code, description }, "the Bot API refused our token: check BOT_TOKEN");
        this.pause(at + 60_000);
        await reschedule(this.db, row.id, {
          now,
          notBefore: new Date(at + 60_000),
          countAttempt: false,
          lastError: description,
        });
        return;
      }
      if (code >= 400 && code < 500) {
        await markFinal(this.db, row.id, "failed", { now, lastError: description });
        this.stats.failed++;
        this.logger.error(
          { id: row.id, chatId: row.chatId, kind: row.kind, description },
          "Telegram refused an outbox message",
        );
        return;
      }
    } else if (error instanceof InvalidPayloadError) {
      await markFinal(this.db, row.id, "failed", { now, lastError: description });
      this.stats.failed++;
      this.logger.error({ id: row.id, kind: row.kind, description }, "invalid outbox payload");
      return;
    }
    // network errors, 5xx, anything unexpected: try again later
    if (row.attempts >= this.config.outbox.maxAttempts) {
      await markFinal(this.db, row.id, "dead", { now, lastError: description });
      this.stats.dead++;
      this.logger.error(
        { id: row.id, chatId: row.chatId, kind: row.kind, attempts: row.attempts, description },
        "outbox message dead: out of attempts",
      );
      return;
    }
    const delay = this.backoffMs(row.attempts);
    await reschedule(this.db, row.id, {
      now,
      notBefore: new Date(at + delay),
      countAttempt: true,
      lastError: description,
    });
    this.stats.retried++;
    // a network or server fault is likely not this message's alone: hold back a little
    this.pause(at + Math.min(delay, this.backoff.baseMs));
    this.logger.warn(
      { id: row.id, attempts: row.attempts, retryInMs: delay, description },
      "outbox send failed: will retry",
    );
  }

  /** base * 2^(attempt-1), capped, with jitter over its upper half. */
  backoffMs(attempts: number): number {
    const capped = Math.min(
      this.backoff.maxMs,
      this.backoff.baseMs * 2 ** Math.max(0, attempts - 1),
    );
    return Math.round(capped / 2 + (this.random() * capped) / 2);
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

  private forgetOldChats(now: number): void {
    if (this.chatLastSend.size < 10_000) return;
    const horizon = now - this.config.outbox.perChatIntervalMs - this.safetyMarginMs;
    for (const [chatId, at] of this.chatLastSend) {
      if (at < horizon) this.chatLastSend.delete(chatId);
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) return `network: ${String(error.error ?? error.message)}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
