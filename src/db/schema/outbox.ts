import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { telegramId, timestamps, timestamptz } from "./columns.ts";

export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dead";

/**
 * "immediate": a decision, a reply, a notice someone waits for: sent at once,
 * day or night. "daytime": reminders, digests, broadcasts: held through quiet
 * hours (checked again by the sender at the moment of sending).
 */
export type OutboxUrgency = "immediate" | "daytime";

/**
 * What a proactive message carries. Text is final (rendered in the
 * recipient's language when queued), so the sender needs no locale.
 */
/** What a sent message is, for what comes after it (editing an officer's card, a reply to a question). */
export interface OutboxMeta {
  /** the card of an application in an officer's chat: recorded in officer_cards once sent */
  card?: { applicationId: number };
  /** an owner's question, shown to an officer: replying to it answers the owner */
  question?: { applicationId: number; historyId: number };
}

export type OutboxPayload =
  | {
      type: "text";
      text: string;
      parseMode?: "HTML";
      /** an InlineKeyboardMarkup or ReplyKeyboardMarkup, as Telegram takes it */
      replyMarkup?: unknown;
      meta?: OutboxMeta;
    }
  | {
      /** rewrites the card of an application already sent to this chat (officer_cards) */
      type: "edit-card";
      applicationId: number;
      text: string;
      parseMode?: "HTML";
      replyMarkup?: unknown;
    }
  | {
      type: "document";
      /** a Telegram file id, or base64 content with a file name */
      fileId?: string;
      contentBase64?: string;
      fileName?: string;
      caption?: string;
      parseMode?: "HTML";
    }
  | {
      /** a picture (a digest's chart): base64 PNG or JPEG content, with a caption of up to 1024 characters */
      type: "photo";
      contentBase64: string;
      fileName: string;
      caption?: string;
      parseMode?: "HTML";
    };

/**
 * Every message the bot sends on its own initiative goes here first.
 * `dedupeKey` is unique: queuing the same reminder twice queues it once.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    chatId: telegramId("chat_id").notNull(),
    /** the recipient's user id when the chat is a person (marks them blocked on 403) */
    userId: telegramId("user_id"),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<OutboxPayload>().notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    urgency: text("urgency").$type<OutboxUrgency>().notNull().default("immediate"),
    /** higher goes first among due rows (immediate messages default to 10, daytime to 0) */
    priority: integer("priority").notNull().default(0),
    /** hold until this instant (a scheduled time, backoff, 429 retry_after); null: no hold */
    notBefore: timestamptz("not_before"),
    /** sends tried, or possibly tried (a claim whose sender died counts); dead at the configured maximum */
    attempts: integer("attempts").notNull().default(0),
    /** while status is sending: the claim expires at this instant and another sender may take it */
    leaseUntil: timestamptz("lease_until"),
    claimedBy: text("claimed_by"),
    lastError: text("last_error"),
    sentAt: timestamptz("sent_at"),
    telegramMessageId: integer("telegram_message_id"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key_unique").on(t.dedupeKey),
    index("outbox_due_idx").on(t.status, t.notBefore),
    index("outbox_chat_status_idx").on(t.chatId, t.status),
  ],
);

/** running: an instance claimed the slot and runs it now; done: it ran. */
export type JobRunStatus = "running" | "done";

/**
 * One row per job and slot (e.g. deadline-reminders / 2026-11-23T08:00):
 * inserted as "running" before the job runs (the insert only one instance
 * wins), "done" after. Catch-up without doubling, across instances.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    job: text("job").notNull(),
    runKey: text("run_key").notNull(),
    status: text("status").$type<JobRunStatus>().notNull().default("done"),
    /** the scheduler instance that claimed the slot */
    claimedBy: text("claimed_by"),
    /** while running: after this instant the claim is taken to be dead and may be taken over */
    leaseUntil: timestamptz("lease_until"),
    result: jsonb("result"),
    /** when the run was claimed, then when it finished */
    ranAt: timestamptz("ran_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
);

export type OutboxRow = typeof outbox.$inferSelect;
