/**
 * The outbox table as the sender sees it: claiming due rows (`FOR UPDATE
 * SKIP LOCKED`, so senders in any number of processes never take the same
 * row) and recording what became of each: sent, put back, failed, dead.
 * Times always come from the caller's clock.
 */
import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lte,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Database, Executor } from "../db/client.ts";
import { type OutboxRow, outbox } from "../db/schema/index.ts";
import { isBlocked, recipientStates } from "./recipients.ts";

interface OutboxColumns {
  status: AnyPgColumn;
  notBefore: AnyPgColumn;
  leaseUntil: AnyPgColumn;
  urgency: AnyPgColumn;
}

/** A row that may be claimed at `now`: pending and due, or claimed by a sender whose lease ran out. */
function claimable(table: OutboxColumns, now: Date, quiet: boolean): SQL {
  const ready = or(
    and(eq(table.status, "pending"), or(isNull(table.notBefore), lte(table.notBefore, now))),
    and(eq(table.status, "sending"), lte(table.leaseUntil, now)),
  ) as SQL;
  return quiet ? (and(ready, eq(table.urgency, "immediate")) as SQL) : ready;
}

export interface ClaimOptions {
  now: Date;
  limit: number;
  /** who claims (kept in claimed_by: logs, and a sender's own releases) */
  claimedBy: string;
  leaseMs: number;
  /** true during quiet hours: daytime rows are not claimed */
  quiet: boolean;
  /** no row is claimed for a chat that had a message sent less than this long ago */
  perChatIntervalMs: number;
}

export interface ClaimResult {
  /** rows now held by this sender (status sending, lease set), highest priority first */
  claimed: OutboxRow[];
  /** rows to chats that blocked the bot: marked failed instead */
  skippedBlocked: number;
}

/**
 * Claims due rows for one sender, in one short transaction. The lock is
 * `FOR UPDATE SKIP LOCKED`, so senders in several processes never take the
 * same row. Per chat, at most one row is claimed, the first due one
 * (priority, then the order queued), and none while another message to
 * that chat is in flight or was sent less than `perChatIntervalMs` ago:
 * Telegram's one-message-a-second-per-chat limit holds across senders.
 *
 * The candidates are the first `limit * 10` due rows of chats that are free
 * (a prefix of the sending order, so "first of its chat within the prefix"
 * is "first of its chat"); the cost does not grow with the backlog.
 */
export async function claimDue(db: Database, options: ClaimOptions): Promise<ClaimResult> {
  const { now, quiet } = options;
  const due = alias(outbox, "due");
  const busy = alias(outbox, "busy");
  const recentlySentAfter = new Date(now.getTime() - options.perChatIntervalMs);
  return db.transaction(async (tx) => {
    const chatIsBusy = tx
      .select({ id: busy.id })
      .from(busy)
      .where(
        and(
          eq(busy.chatId, due.chatId),
          or(
            and(eq(busy.status, "sending"), gt(busy.leaseUntil, now)),
            and(eq(busy.status, "sent"), gt(busy.sentAt, recentlySentAfter)),
          ),
        ),
      );
    const window = tx
      .select({ id: due.id, chatId: due.chatId, priority: due.priority })
      .from(due)
      .where(and(claimable(due, now, quiet), notExists(chatIsBusy)))
      .orderBy(desc(due.priority), asc(due.id))
      .limit(Math.max(100, options.limit * 10))
      .as("window");
    const firstOfEachChat = tx
      .selectDistinctOn([window.chatId], { id: window.id })
      .from(window)
      .orderBy(window.chatId, desc(window.priority), asc(window.id));
    const candidates = await tx
      .select({ id: outbox.id, chatId: outbox.chatId, userId: outbox.userId })
      .from(outbox)
      // = any(array(…)): the ids are computed once, then fetched by primary key
      .where(and(sql`${outbox.id} = any(array(${firstOfEachChat}))`, claimable(outbox, now, quiet)))
      .orderBy(desc(outbox.priority), asc(outbox.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (candidates.length === 0) return { claimed: [], skippedBlocked: 0 };

    const blocked = await recipientStates(
      tx,
      [...new Set(candidates.map((row) => row.chatId))],
      [...new Set(candidates.flatMap((row) => (row.userId == null ? [] : [row.userId])))],
    );
    const skipped = candidates.filter((row) => isBlocked(row, blocked)).map((row) => row.id);
    const claimIds = candidates.filter((row) => !isBlocked(row, blocked)).map((row) => row.id);
    if (skipped.length > 0) {
      await tx
        .update(outbox)
        .set({
          status: "failed",
          lastError: "skipped: the recipient has blocked the bot",
          leaseUntil: null,
          claimedBy: null,
          updatedAt: now,
        })
        .where(inArray(outbox.id, skipped));
    }
    if (claimIds.length === 0) return { claimed: [], skippedBlocked: skipped.length };
    const claimed = await tx
      .update(outbox)
      .set({
        status: "sending",
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        claimedBy: options.claimedBy,
        attempts: sql`${outbox.attempts} + 1`,
        updatedAt: now,
      })
      .where(inArray(outbox.id, claimIds))
      .returning();
    claimed.sort((a, b) => b.priority - a.priority || a.id - b.id);
    return { claimed, skippedBlocked: skipped.length };
  });
}

/** Whether any row becomes claimable by `at` (ignores the per-chat interval, which is short). */
export async function hasClaimableBy(db: Database, at: Date, quiet: boolean): Promise<boolean> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(claimable(outbox, at, quiet))
    .limit(1);
  return rows.length > 0;
}

export async function markSent(
  db: Executor,
  id: number,
  sentAt: Date,
  telegramMessageId: number | undefined,
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: "sent",
      sentAt,
      telegramMessageId: telegramMessageId ?? null,
      leaseUntil: null,
      lastError: null,
      updatedAt: sentAt,
    })
    .where(eq(outbox.id, id));
}

/**
 * Puts a claimed row back to pending until `notBefore`. `countAttempt`
 * false undoes the attempt counted at claim time (the row was not sent:
 * quiet hours, 429, the sender stopping).
 */
export async function reschedule(
  db: Executor,
  id: number,
  options: { now: Date; notBefore: Date | null; countAttempt: boolean; lastError?: string },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: "pending",
      notBefore: options.notBefore,
      leaseUntil: null,
      claimedBy: null,
      updatedAt: options.now,
      ...(options.countAttempt ? {} : { attempts: sql`greatest(${outbox.attempts} - 1, 0)` }),
      ...(options.lastError === undefined ? {} : { lastError: options.lastError }),
    })
    .where(and(eq(outbox.id, id), ne(outbox.status, "sent")));
}

/** Releases rows a sender holds but has not sent (it is stopping, or paused by a 429). */
export async function releaseClaims(
  db: Executor,
  ids: number[],
  claimedBy: string,
  options: { now: Date; notBefore: Date | null },
): Promise<number> {
  if (ids.length === 0) return 0;
  const released = await db
    .update(outbox)
    .set({
      status: "pending",
      notBefore: options.notBefore,
      leaseUntil: null,
      claimedBy: null,
      attempts: sql`greatest(${outbox.attempts} - 1, 0)`,
      updatedAt: options.now,
    })
    .where(
      and(inArray(outbox.id, ids), eq(outbox.status, "sending"), eq(outbox.claimedBy, claimedBy)),
    )
    .returning({ id: outbox.id });
  return released.length;
}

/** Gives up on a row: "failed" (Telegram refused it for good) or "dead" (out of attempts). */
export async function markFinal(
  db: Executor,
  id: number,
  status: "failed" | "dead",
  options: { now: Date; lastError: string },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status,
      lastError: options.lastError,
      leaseUntil: null,
      updatedAt: options.now,
    })
    .where(and(eq(outbox.id, id), ne(outbox.status, "sent")));
}

/** Deletes rows finished before the given instants; returns how many went. */
export async function deleteFinishedBefore(
  db: Executor,
  options: { sentBefore: Date; failedBefore: Date },
): Promise<{ sent: number; failed: number }> {
  const sent = await db
    .delete(outbox)
    .where(and(eq(outbox.status, "sent"), lte(outbox.sentAt, options.sentBefore)))
    .returning({ id: outbox.id });
  const failed = await db
    .delete(outbox)
    .where(
      and(inArray(outbox.status, ["failed", "dead"]), lte(outbox.updatedAt, options.failedBefore)),
    )
    .returning({ id: outbox.id });
  return { sent: sent.length, failed: failed.length };
}

/** Counts by status, for logs, the benchmark and an officer's overview. */
export async function countByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}
