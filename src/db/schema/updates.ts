import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { telegramId, timestamptz } from "./columns.ts";

/**
 * pending: waiting to be handled (from `available_at` on); processing: a
 * worker holds it until `lease_until`; done: handled; failed: set aside
 * after repeated errors (kept for a look, never blocks its chat).
 */
export type InboxStatus = "pending" | "processing" | "done" | "failed";

/**
 * The durable update inbox: every Telegram update is written here before
 * Telegram is told it arrived, and workers in any instance claim each chat's
 * updates in order (src/updates/store.ts).
 */
export const updates = pgTable(
  "updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Telegram's update_id, unique: a redelivered update is stored once */
    updateId: bigint("update_id", { mode: "number" }).notNull().unique("updates_update_id_unique"),
    /**
     * What orders the work: the chat id (message, callback, my_chat_member…),
     * else the sender's user id, else 0 (updates with neither, e.g. a poll).
     */
    chatKey: telegramId("chat_key").notNull(),
    /** the update as Telegram sent it */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<InboxStatus>().notNull().default("pending"),
    /** claims so far (a claim whose worker died counts) */
    attempts: integer("attempts").notNull().default(0),
    /** not claimed before this instant (backoff after a transient error) */
    availableAt: timestamptz("available_at").notNull(),
    /** while processing: the claim expires here and another worker may take the update */
    leaseUntil: timestamptz("lease_until"),
    claimedBy: text("claimed_by"),
    receivedAt: timestamptz("received_at").notNull(),
    /**
     * Set by the handler inside its own transaction (`settleUpdate`): its
     * effects are committed. A settled update is never handed to the bot
     * again, even when its worker died before marking it done.
     */
    settledAt: timestamptz("settled_at"),
    /** when it became done or failed */
    handledAt: timestamptz("handled_at"),
    lastError: text("last_error"),
  },
  (t) => [
    // The claim scans unhandled updates in update order...
    index("updates_unhandled_idx")
      .on(t.updateId)
      .where(sql`${t.status} in ('pending', 'processing')`),
    // ...and looks, per candidate, for an older or running update of the same chat.
    index("updates_unhandled_chat_idx")
      .on(t.chatKey, t.updateId)
      .where(sql`${t.status} in ('pending', 'processing')`),
    // The cleanup deletes handled updates by age.
    index("updates_handled_idx").on(t.handledAt).where(sql`${t.status} in ('done', 'failed')`),
  ],
);

export type InboxUpdate = typeof updates.$inferSelect;
