/**
 * The outbox: every message the bot sends on its own initiative is written
 * here first (by a job, a digest, an officer's decision) and sent by the
 * sender in src/jobs/outbox-sender.ts. These are the queries both share.
 *
 * Times always come from the caller (its Clock), never from the database's
 * now(), so tests and `npm run job -- --at` can run at any instant.
 */
import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
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
import {
  type OutboxPayload,
  type OutboxRow,
  type OutboxUrgency,
  outbox,
  users,
} from "../db/schema/index.ts";

export interface OutgoingMessage {
  chatId: number;
  /** the recipient when the chat is a person: a blocked user is skipped, a 403 marks them blocked */
  userId?: number | null;
  /** what it is, for logs and counts: "decision", "event-reminder", "digest", … */
  kind: string;
  payload: OutboxPayload;
  /** unique in the database: queuing the same key again does nothing */
  dedupeKey: string;
  /**
   * "immediate" (a decision, a reply) goes at once, day or night; "daytime"
   * (reminders, digests, broadcasts) waits for the end of quiet hours.
   */
  urgency: OutboxUrgency;
  /** not before this instant (a scheduled time); omitted: as soon as allowed */
  notBefore?: Date | null;
  /** higher goes first; default 10 for immediate, 0 for daytime */
  priority?: number;
}

const defaultPriority = (urgency: OutboxUrgency): number => (urgency === "immediate" ? 10 : 0);

const rowValues = (message: OutgoingMessage) => ({
  chatId: message.chatId,
  userId: message.userId ?? null,
  kind: message.kind,
  payload: message.payload,
  dedupeKey: message.dedupeKey,
  urgency: message.urgency,
  priority: message.priority ?? defaultPriority(message.urgency),
  notBefore: message.notBefore ?? null,
});

/** Chats and users (among the given) that have blocked the bot. */
async function blockedRecipients(
  executor: Executor,
  chatIds: number[],
  userIds: number[],
): Promise<{ chatIds: Set<number>; userIds: Set<number> }> {
  const conditions: SQL[] = [];
  if (chatIds.length > 0) conditions.push(inArray(users.chatId, chatIds));
  if (userIds.length > 0) conditions.push(inArray(users.id, userIds));
  if (conditions.length === 0) return { chatIds: new Set(), userIds: new Set() };
  const rows = await executor
    .select({ id: users.id, chatId: users.chatId })
    .from(users)
    .where(and(isNotNull(users.blockedAt), or(...conditions)));
  return {
    chatIds: new Set(rows.map((row) => row.chatId)),
    userIds: new Set(rows.map((row) => row.id)),
  };
}

const isBlocked = (
  message: Pick<OutgoingMessage, "chatId" | "userId">,
  blocked: { chatIds: Set<number>; userIds: Set<number> },
): boolean =>
  blocked.chatIds.has(message.chatId) ||
  (message.userId != null && blocked.userIds.has(message.userId));

/**
 * Queues one message. Returns true when it was queued, false when a message
 * with the same dedupe key already exists (queued, sent or failed) or the
 * recipient has blocked the bot. Pass a transaction to commit the message
 * with the change that causes it:
 *
 *   await db.transaction(async (tx) => { await decide(tx, …); await enqueue(tx, notice); });
 */
export async function enqueue(executor: Executor, message: OutgoingMessage): Promise<boolean> {
  const blocked = await blockedRecipients(
    executor,
    [message.chatId],
    message.userId == null ? [] : [message.userId],
  );
  if (isBlocked(message, blocked)) return false;
  const inserted = await executor
    .insert(outbox)
    .values(rowValues(message))
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}

/** Queues many messages in a few statements; returns the dedupe keys that were new. */
export async function enqueueMany(
  executor: Executor,
  messages: readonly OutgoingMessage[],
  chunkSize = 500,
): Promise<string[]> {
  const queued: string[] = [];
  for (let start = 0; start < messages.length; start += chunkSize) {
    const chunk = messages.slice(start, start + chunkSize);
    const blocked = await blockedRecipients(
      executor,
      [...new Set(chunk.map((message) => message.chatId))],
      [...new Set(chunk.flatMap((message) => (message.userId == null ? [] : [message.userId])))],
    );
    const sendable = chunk.filter((message) => !isBlocked(message, blocked));
    if (sendable.length === 0) continue;
    const inserted = await executor
      .insert(outbox)
      .values(sendable.map(rowValues))
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ dedupeKey: outbox.dedupeKey });
    queued.push(...inserted.map((row) => row.dedupeKey));
  }
  return queued;
}

// ---------------------------------------------------------------------------
// For the sender

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

    const blocked = await blockedRecipients(
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

/**
 * The recipient blocked the bot, deleted their account, or the chat is gone:
 * mark the user blocked (until they send /start or unblock), fail this row,
 * and skip every other unsent row to that chat. Returns the rows skipped.
 */
export async function markRecipientBlocked(
  db: Database,
  recipient: { id: number; chatId: number; userId: number | null },
  options: { now: Date; lastError: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ blockedAt: options.now, updatedAt: options.now })
      .where(
        and(
          isNull(users.blockedAt),
          recipient.userId == null
            ? eq(users.chatId, recipient.chatId)
            : or(eq(users.chatId, recipient.chatId), eq(users.id, recipient.userId)),
        ),
      );
    await tx
      .update(outbox)
      .set({
        status: "failed",
        lastError: options.lastError,
        leaseUntil: null,
        updatedAt: options.now,
      })
      .where(eq(outbox.id, recipient.id));
    const skipped = await tx
      .update(outbox)
      .set({
        status: "failed",
        lastError: "skipped: the recipient has blocked the bot",
        updatedAt: options.now,
      })
      .where(
        and(
          eq(outbox.chatId, recipient.chatId),
          eq(outbox.status, "pending"),
          ne(outbox.id, recipient.id),
        ),
      )
      .returning({ id: outbox.id });
    return skipped.length;
  });
}

/** Sets or clears a person's blocked mark (my_chat_member: kicked / member again). */
export async function setUserBlocked(
  db: Executor,
  userId: number,
  blockedAt: Date | null,
): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ blockedAt, ...(blockedAt ? { updatedAt: blockedAt } : {}) })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return updated.length > 0;
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
