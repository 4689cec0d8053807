/**
 * The update inbox's queries: every Telegram update is stored here before
 * Telegram is told it arrived, and workers claim each chat's updates in order.
 *
 * Guarantees
 * - Nothing typed is lost: an update is confirmed to Telegram (the next
 *   getUpdates offset, or the webhook's 200) only after `storeUpdates`
 *   committed it, and a stored update stays until a worker marked it done
 *   or set it aside. `update_id` is unique, so a redelivered update is
 *   stored once.
 * - One chat, one update at a time, in update order, across any number of
 *   workers in any number of processes sharing the database: `claimNext`
 *   takes an update only when no older update of its chat is unhandled
 *   (pending or processing) and no other update of its chat is being
 *   handled under a live lease; the rows are locked `FOR UPDATE SKIP
 *   LOCKED`, so two claims never take the same row. An older update waiting
 *   for a retry (pending, `available_at` later) holds its chat back.
 * - A worker that dies mid-update loses its lease after `leaseMs`; the
 *   update is then claimed again (its attempts count up, so a poisonous
 *   update is set aside in the end instead of killing workers forever).
 *
 * The window where it can break (handled twice). Handing to the bot is at
 * least once: an update is handed over a second time when its handler ran
 * but `done` was not recorded: the process died in between, the database
 * went away just then, or a handler outlived its lease with no heartbeat
 * getting through (a stalled process). A handler closes that window for
 * its effects by calling `settleUpdate` inside the transaction that commits
 * them (an answer saved into a draft): once that committed, the update is
 * never handed to the bot again, and a second run that reaches the same
 * point learns so and rolls back. What a handler does outside that
 * transaction stays at least once (a reply sent before the crash may be
 * sent again) or, after it, at most once (a reply not yet sent when the
 * process died is not sent).
 *
 * Order can also break for one chat when a webhook delivers an older update
 * after a newer one (Telegram sends webhooks over up to `max_connections` at
 * once): the older one waits while the newer one runs, but runs after it.
 * Long polling always stores in update order.
 *
 * Times come from the caller's clock, never from the database's now().
 */
import {
  and,
  asc,
  eq,
  gt,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Update } from "grammy/types";
import type { Database, Executor } from "../db/client.ts";
import { type InboxUpdate, updates } from "../db/schema/index.ts";
import { chatKeyOf } from "./chat-key.ts";

const UNHANDLED = ["pending", "processing"] as const;

/** `last_error` is for people reading the table: a line, not a dump. */
const MAX_ERROR_LENGTH = 1000;
const clip = (text: string): string =>
  text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;

/**
 * PostgreSQL's jsonb cannot hold the character U+0000 ("unsupported Unicode
 * escape sequence"): one such update would make its whole batch fail for
 * ever and stop polling. The character is dropped from every string.
 */
function withoutNulCharacters(value: unknown): unknown {
  if (typeof value === "string")
    return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
  if (Array.isArray(value)) return value.map(withoutNulCharacters);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        withoutNulCharacters(key) as string,
        withoutNulCharacters(inner),
      ]),
    );
  }
  return value;
}

/**
 * Stores a batch of updates in one statement and returns how many were new
 * (`ON CONFLICT DO NOTHING`: an update_id already stored is skipped).
 */
export async function storeUpdates(
  executor: Executor,
  batch: readonly Update[],
  now: Date,
): Promise<number> {
  if (batch.length === 0) return 0;
  const inserted = await executor
    .insert(updates)
    .values(
      batch.map((update) => ({
        updateId: update.update_id,
        chatKey: chatKeyOf(update),
        payload: withoutNulCharacters(update) as Record<string, unknown>,
        availableAt: now,
        receivedAt: now,
      })),
    )
    .onConflictDoNothing({ target: updates.updateId })
    .returning({ id: updates.id });
  return inserted.length;
}

export interface ClaimOptions {
  /** kept in claimed_by; every later write checks it */
  workerId: string;
  now: Date;
  /** how long the claim holds before another worker may take the update */
  leaseMs: number;
  /** at most this many updates, each of a different chat */
  limit: number;
}

/**
 * Claims the oldest claimable update of up to `limit` chats (see the top of
 * the file) in one statement: status processing, a lease, attempts + 1.
 */
export async function claimNext(db: Database, options: ClaimOptions): Promise<InboxUpdate[]> {
  const { now } = options;
  const candidate = alias(updates, "candidate");
  const other = alias(updates, "other");
  const ready = or(
    and(eq(candidate.status, "pending"), lte(candidate.availableAt, now)),
    and(eq(candidate.status, "processing"), lte(candidate.leaseUntil, now)),
  ) as SQL;
  // Two probes, each answered from the (chat_key, update_id) index of unhandled updates.
  const olderIsUnhandled = db
    .select({ id: other.id })
    .from(other)
    .where(
      and(
        eq(other.chatKey, candidate.chatKey),
        lt(other.updateId, candidate.updateId),
        inArray(other.status, UNHANDLED),
      ),
    );
  const otherIsRunning = db
    .select({ id: other.id })
    .from(other)
    .where(
      and(
        eq(other.chatKey, candidate.chatKey),
        // (the first condition repeats the partial index's predicate, so the index is used)
        inArray(other.status, UNHANDLED),
        eq(other.status, "processing"),
        gt(other.leaseUntil, now),
        ne(other.id, candidate.id),
      ),
    );
  const claimable = db
    .select({ id: candidate.id })
    .from(candidate)
    .where(
      and(
        inArray(candidate.status, UNHANDLED),
        ready,
        // an older update of the chat is not handled yet (waiting, running, or its worker died)
        notExists(olderIsUnhandled),
        // an update of the chat is being handled right now (one that came out of order)
        notExists(otherIsRunning),
      ),
    )
    .orderBy(asc(candidate.updateId))
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return (
    db
      .update(updates)
      .set({
        status: "processing",
        claimedBy: options.workerId,
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        attempts: sql`${updates.attempts} + 1`,
      })
      // = any(array(…)): the claimable ids are found (and locked) once, then updated by key
      .where(sql`${updates.id} = any(array(${claimable}))`)
      .returning()
  );
}

interface HeldUpdate {
  id: number;
  /** the claimer: a worker whose lease was taken over changes nothing */
  workerId: string;
}

const heldBy = ({ id, workerId }: HeldUpdate): SQL =>
  and(eq(updates.id, id), eq(updates.status, "processing"), eq(updates.claimedBy, workerId)) as SQL;

/** The handler finished. False when the update was no longer ours (its lease was taken over). */
export async function markDone(db: Executor, held: HeldUpdate & { now: Date }): Promise<boolean> {
  const rows = await db
    .update(updates)
    .set({ status: "done", handledAt: held.now, leaseUntil: null, lastError: null })
    .where(heldBy(held))
    .returning({ id: updates.id });
  return rows.length > 0;
}

export type Settlement =
  /** recorded in the caller's transaction: commit it */
  | "settled"
  /** an earlier run of this update committed its effects already: roll back */
  | "already-settled"
  /** the update did not come through the inbox (a test, a tool): go on */
  | "not-in-inbox";

/**
 * For the bot, inside the transaction that commits an update's effects:
 * records that they are committed, so that the update is never handed to the
 * bot again (see the top of the file). The row stays "processing": the
 * chat's next update still waits until the handler returns.
 *
 *   await db.transaction(async (tx) => {
 *     if ((await settleUpdate(tx, { updateId, now })) === "already-settled") throw new AlreadyHandled();
 *     await saveAnswer(tx, …);
 *   });
 */
export async function settleUpdate(
  executor: Executor,
  update: { updateId: number; now: Date },
): Promise<Settlement> {
  const settled = await executor
    .update(updates)
    .set({ settledAt: update.now })
    .where(and(eq(updates.updateId, update.updateId), isNull(updates.settledAt)))
    .returning({ id: updates.id });
  if (settled.length > 0) return "settled";
  const [stored] = await executor
    .select({ id: updates.id })
    .from(updates)
    .where(eq(updates.updateId, update.updateId))
    .limit(1);
  return stored ? "already-settled" : "not-in-inbox";
}

/** Back to pending, not before `availableAt`; later updates of its chat keep waiting. */
export async function retryLater(
  db: Executor,
  held: HeldUpdate & { error: string; availableAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(updates)
    .set({
      status: "pending",
      availableAt: held.availableAt,
      leaseUntil: null,
      claimedBy: null,
      lastError: clip(held.error),
    })
    .where(heldBy(held))
    .returning({ id: updates.id });
  return rows.length > 0;
}

/** Gives up on an update (status failed): its chat goes on with the next one. */
export async function setAside(
  db: Executor,
  held: HeldUpdate & { error: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(updates)
    .set({
      status: "failed",
      handledAt: held.now,
      leaseUntil: null,
      lastError: clip(held.error),
    })
    .where(heldBy(held))
    .returning({ id: updates.id });
  return rows.length > 0;
}

/** The heartbeat of a long handler. False when the update is no longer ours. */
export async function extendLease(
  db: Executor,
  held: HeldUpdate & { leaseUntil: Date },
): Promise<boolean> {
  const rows = await db
    .update(updates)
    .set({ leaseUntil: held.leaseUntil })
    .where(heldBy(held))
    .returning({ id: updates.id });
  return rows.length > 0;
}

/** Deletes done and failed updates handled before `before`; returns how many. */
export async function deleteHandledBefore(db: Executor, before: Date): Promise<number> {
  const rows = await db
    .delete(updates)
    .where(and(inArray(updates.status, ["done", "failed"]), lt(updates.handledAt, before)))
    .returning({ id: updates.id });
  return rows.length;
}

/** Whether any update is waiting (for tests and for a worker deciding to look again). */
export async function hasUnhandled(db: Executor): Promise<boolean> {
  const rows = await db
    .select({ id: updates.id })
    .from(updates)
    .where(inArray(updates.status, UNHANDLED))
    .limit(1);
  return rows.length > 0;
}
