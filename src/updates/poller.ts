/**
 * Long polling into the update inbox, built on @grammyjs/runner's source and
 * runner with a supplier and a sink of our own.
 *
 * Guarantee: an update is confirmed to Telegram only after it is stored.
 * Telegram confirms the updates below the `offset` of the next getUpdates
 * call; this poller's offset moves past a batch only once `storeUpdates`
 * committed it. And the next call waits for that: the runner's loop
 * (`createRunner`: `for await (const updates of source.generator()) { await
 * sink.handle(updates) … }`) resumes the source's generator, whose next
 * step calls the supplier, only after the sink's `handle` has returned
 * (checked in @grammyjs/runner 2.0.3, out/runner.js and out/source.js; the
 * test "confirms the offset only after the batch is stored" holds it).
 *
 * While the database is unreachable the batch is not stored and the offset
 * stays: the next getUpdates, after a capped backoff, asks for the same
 * updates again (with any that came meanwhile) and the store is retried.
 * Each private chat in those batches is told once per outage that the bot
 * is busy (busy-notice.ts). Telegram keeps unconfirmed updates for 24 hours.
 *
 * Only one process may poll a bot at a time (Telegram answers 409 to a
 * second); several instances share the work through the workers, not the
 * poller, or use the webhook.
 */
import { createRunner, createSource, type RunnerHandle } from "@grammyjs/runner";
import { type Api, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { BusyNotice } from "./busy-notice.ts";
import { backoffMs, realSleep, type Sleep } from "./sleep.ts";
import { storeUpdates } from "./store.ts";

/** A kind of update Telegram can be asked for ("message", "callback_query", …). */
export type UpdateType = Exclude<keyof Update, "update_id">;

export interface UpdatePollerOptions {
  db: Database;
  /** the bot's Api (getUpdates, and the busy notices) */
  api: Api;
  clock: Clock;
  logger: Logger;
  notice: BusyNotice;
  /** update types to ask Telegram for */
  allowedUpdates?: readonly UpdateType[];
  /** after a batch is stored, with the number of new updates: wake the workers */
  onStored?: (stored: number) => void;
  /** an error polling cannot get past (401: the token was revoked); default: logged at fatal */
  onFatalError?: (error: unknown) => void;
  /** getUpdates long-poll timeout; default 30 s */
  timeoutSeconds?: number;
  /** waits after a failed store or getUpdates: base * 2^(n-1), capped; default 1 s, 30 s */
  backoff?: { baseMs: number; maxMs: number };
  sleep?: Sleep;
  random?: () => number;
}

export class UpdatePoller {
  private readonly options: UpdatePollerOptions;
  private readonly logger: Logger;
  private readonly backoff: { baseMs: number; maxMs: number };
  private readonly sleep: Sleep;
  private runner: RunnerHandle | undefined;
  private stopController = new AbortController();
  /** the next getUpdates offset: one past the last stored update */
  private confirmedOffset = 0;
  /** failed stores in a row (an outage); 0 when the last store succeeded */
  private storeFailures = 0;
  /** failed getUpdates calls in a row */
  private fetchFailures = 0;
  /** updates being stored right now (the sink's size) */
  private inHand: Update[] = [];

  constructor(options: UpdatePollerOptions) {
    this.options = options;
    this.logger = options.logger.child({ component: "update-poller" });
    this.backoff = options.backoff ?? { baseMs: 1000, maxMs: 30_000 };
    this.sleep = options.sleep ?? realSleep;
  }

  /** The offset the next getUpdates sends: every update below it is stored. */
  get offset(): number {
    return this.confirmedOffset;
  }

  start(): void {
    if (this.runner) return;
    this.stopController = new AbortController();
    const source = createSource<Update>({
      // the runner's signal is the abort-controller polyfill's; it has what we use of one
      supply: (batchSize, signal) => this.fetchBatch(batchSize, signal as unknown as AbortSignal),
    });
    const runner = createRunner<Update>(source, {
      handle: async (batch) => {
        await this.storeBatch(batch);
        return Number.POSITIVE_INFINITY;
      },
      size: () => this.inHand.length,
      snapshot: () => [...this.inHand],
    });
    this.runner = runner;
    runner.start();
    runner.task()?.catch((error: unknown) => {
      this.runner = undefined;
      this.logger.fatal({ err: error }, "polling stopped: Telegram refuses getUpdates");
      this.options.onFatalError?.(error);
    });
    this.logger.info("polling for updates into the inbox");
  }

  /** Stops asking Telegram; a batch being stored is finished, or left unconfirmed at Telegram. */
  async stop(): Promise<void> {
    this.stopController.abort();
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
  }

  private async fetchBatch(batchSize: number, signal: AbortSignal): Promise<Update[]> {
    // after a failed store: wait before asking for the same updates again
    if (this.storeFailures > 0) {
      await this.sleep(this.delay(this.storeFailures), signal);
    }
    for (;;) {
      if (signal.aborted) throw new Error("polling stopped");
      try {
        const batch = await this.options.api.getUpdates(
          {
            offset: this.confirmedOffset,
            limit: Math.max(1, Math.min(batchSize, 100)),
            timeout: this.options.timeoutSeconds ?? 30,
            ...(this.options.allowedUpdates
              ? { allowed_updates: this.options.allowedUpdates }
              : {}),
          },
          signal as unknown as Parameters<Api["getUpdates"]>[1],
        );
        this.fetchFailures = 0;
        return batch;
      } catch (error) {
        if (signal.aborted) throw error;
        // 401: the token is wrong or revoked; nothing to wait for
        if (error instanceof GrammyError && error.error_code === 401) throw error;
        this.fetchFailures++;
        const retryAfter =
          error instanceof GrammyError && error.error_code === 429
            ? (error.parameters.retry_after ?? 0) * 1000
            : 0;
        const waitMs = Math.max(retryAfter, this.delay(this.fetchFailures));
        this.logger.warn(
          { err: error, failures: this.fetchFailures, waitMs },
          error instanceof GrammyError && error.error_code === 409
            ? "getUpdates conflict: another process polls this bot (or a webhook is set)"
            : "getUpdates failed: retrying",
        );
        await this.sleep(waitMs, signal);
      }
    }
  }

  private async storeBatch(batch: Update[]): Promise<void> {
    const last = batch.at(-1);
    if (!last || this.stopController.signal.aborted) return;
    this.inHand = batch;
    try {
      const stored = await storeUpdates(this.options.db, batch, this.options.clock.now());
      this.confirmedOffset = last.update_id + 1;
      if (this.storeFailures > 0) {
        this.logger.info(
          { failures: this.storeFailures },
          "the database is back: updates are stored again",
        );
      }
      this.storeFailures = 0;
      this.options.notice.recovered();
      this.options.onStored?.(stored);
    } catch (error) {
      this.storeFailures++;
      // the first failure of an outage at error, the retries at warn
      const level = this.storeFailures === 1 ? "error" : "warn";
      this.logger[level](
        { err: error, failures: this.storeFailures, updates: batch.length },
        "could not store updates: they stay at Telegram, unconfirmed, and are fetched again",
      );
      await this.options.notice.tell(batch);
    } finally {
      this.inHand = [];
    }
  }

  private delay(failures: number): number {
    return backoffMs(failures, this.backoff, this.options.random);
  }
}
