/**
 * What a failed send means, decided from Telegram's answer alone (pure):
 *
 * - 429: Telegram's flood control, per bot: this row waits `retry_after`,
 *   and the whole sender pauses as long.
 * - 403 (blocked, deactivated) and 400 "chat not found" and the like: the
 *   person is unreachable: mark them blocked, fail the row and every later
 *   row to that chat, until they come back (/start, or unblocking).
 * - 401 / 404: our token or API root is wrong, not this message's fault:
 *   pause a minute and keep the row.
 * - any other 4xx: Telegram refuses this message for good: failed.
 * - network errors, 5xx, anything unexpected: try again later with capped
 *   exponential backoff and jitter; "dead" after the maximum attempts.
 */
import { GrammyError, HttpError } from "grammy";
import type { Database } from "../db/client.ts";
import type { OutboxRow } from "../db/schema/index.ts";
import type { Logger } from "../logger.ts";
import { markRecipientBlocked } from "./recipients.ts";
import type { SenderStats } from "./sender-stats.ts";
import { markFinal, reschedule } from "./store.ts";

export class InvalidPayloadError extends Error {}

export type FailureAction =
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "unreachable" }
  | { kind: "bad-credentials"; pauseMs: number }
  | { kind: "refused" }
  | { kind: "retry" };

const UNREACHABLE =
  /blocked by the user|user is deactivated|chat not found|bot was kicked|bot can't initiate|PEER_ID_INVALID|have no rights to send/i;

export function classifyFailure(error: unknown): FailureAction {
  if (error instanceof InvalidPayloadError) return { kind: "refused" };
  if (!(error instanceof GrammyError)) return { kind: "retry" };
  const code = error.error_code;
  if (code === 429) {
    return {
      kind: "rate-limited",
      retryAfterMs: Math.max(1, error.parameters.retry_after ?? 1) * 1000,
    };
  }
  if (code === 403 || (code === 400 && UNREACHABLE.test(error.description))) {
    return { kind: "unreachable" };
  }
  if (code === 401 || code === 404) return { kind: "bad-credentials", pauseMs: 60_000 };
  if (code >= 400 && code < 500) return { kind: "refused" };
  return { kind: "retry" };
}

/** base × 2^(attempts−1), capped, with jitter over its upper half (`random` in [0, 1)). */
export function backoffMs(
  attempts: number,
  backoff: { baseMs: number; maxMs: number },
  random: number,
): number {
  const capped = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(capped / 2 + (random * capped) / 2);
}

export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code}: ${error.description}`;
  if (error instanceof HttpError) return `network: ${String(error.error ?? error.message)}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What applying a failure needs of the sender that met it. */
export interface FailureContext {
  db(): Database;
  logger(): Logger;
  stats(): SenderStats;
  maxAttempts(): number;
  backoffMs(attempts: number): number;
  backoffBaseMs(): number;
  /** no sending until this instant (ms) */
  pause(until: number): void;
  /** puts every row the sender holds but has not sent back to pending */
  releaseQueue(notBefore: Date | null): Promise<void>;
  /** takes the held rows of a chat out of the queue, recording each with `write` */
  dropQueuedForChat(chatId: number, write: (row: OutboxRow) => Promise<unknown>): Promise<number>;
}

/** Records what a failed send means (see the top of this file). */
export async function applyFailure(
  context: FailureContext,
  row: OutboxRow,
  error: unknown,
  at: number,
): Promise<void> {
  const db = context.db();
  const logger = context.logger();
  const stats = context.stats();
  const now = new Date(at);
  const description = describeError(error);
  const action = classifyFailure(error);
  switch (action.kind) {
    case "rate-limited": {
      const until = at + action.retryAfterMs;
      stats.rateLimited++;
      logger.warn(
        { id: row.id, chatId: row.chatId, retryAfterSeconds: action.retryAfterMs / 1000 },
        "Telegram asked the sender to slow down (429): pausing",
      );
      context.pause(until);
      await reschedule(db, row.id, {
        now,
        notBefore: new Date(until),
        countAttempt: false,
        lastError: description,
      });
      await context.releaseQueue(new Date(until));
      return;
    }
    case "unreachable": {
      const skipped = await markRecipientBlocked(
        db,
        { id: row.id, chatId: row.chatId, userId: row.userId },
        { now, lastError: description },
      );
      // rows to that chat the sender already holds go the same way
      const held = await context.dropQueuedForChat(row.chatId, (queued) =>
        markFinal(db, queued.id, "failed", {
          now,
          lastError: "skipped: the recipient has blocked the bot",
        }),
      );
      stats.blocked++;
      stats.failed += 1 + skipped + held;
      logger.info(
        { id: row.id, chatId: row.chatId, userId: row.userId, skipped: skipped + held },
        "recipient unreachable: marked blocked",
      );
      return;
    }
    case "bad-credentials": {
      logger.error({ description }, "the Bot API refused our token: check BOT_TOKEN");
      context.pause(at + action.pauseMs);
      await reschedule(db, row.id, {
        now,
        notBefore: new Date(at + action.pauseMs),
        countAttempt: false,
        lastError: description,
      });
      return;
    }
    case "refused": {
      await markFinal(db, row.id, "failed", { now, lastError: description });
      stats.failed++;
      logger.error(
        { id: row.id, chatId: row.chatId, kind: row.kind, description },
        "Telegram refused an outbox message",
      );
      return;
    }
    case "retry": {
      if (row.attempts >= context.maxAttempts()) {
        await markFinal(db, row.id, "dead", { now, lastError: description });
        stats.dead++;
        logger.error(
          { id: row.id, chatId: row.chatId, kind: row.kind, attempts: row.attempts, description },
          "outbox message dead: out of attempts",
        );
        return;
      }
      const delay = context.backoffMs(row.attempts);
      await reschedule(db, row.id, {
        now,
        notBefore: new Date(at + delay),
        countAttempt: true,
        lastError: description,
      });
      stats.retried++;
      // a network or server fault is likely not this message's alone: hold back a little
      context.pause(at + Math.min(delay, context.backoffBaseMs()));
      logger.warn(
        { id: row.id, attempts: row.attempts, retryInMs: delay, description },
        "outbox send failed: will retry",
      );
    }
  }
}
