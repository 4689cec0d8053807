import { bigint, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { telegramId, timestamps, timestamptz } from "./columns.ts";

export type UserRole = "applicant" | "officer" | "admin";
export type Language = "vi" | "en";

/** Which form a person has open and which question awaits their answer. */
export interface OpenForm {
  /** the form's kind in the form registry (src/forms/kinds/) */
  kind: string;
  /** the draft's id, in the form's own table */
  recordId: number;
  /** the question whose answer the next message is; null while a menu (summary, confirm) is shown */
  questionId: string | null;
  /** the form to start once this one is submitted (a profile on the way to an application) */
  continueWith?: string;
  /** a fresh id per question asked, carried in callback data so old buttons are recognised */
  promptToken: string;
  /**
   * the question's message reached the person. Until then a message is not
   * taken as its answer (it was typed for an earlier question, e.g. again
   * after an error): the question is asked instead.
   */
  asked?: boolean;
  /**
   * the question's message. Telegram numbers a private chat's messages, both
   * ways, in one sequence: a message with a lower id was sent before the
   * question appeared (typed again while the bot was slow) and is not its answer
   */
  askedMessageId?: number;
  /** the question's message, when it has buttons: they are taken away once it is answered */
  promptMessageId?: number;
  /**
   * the update whose answer moved the form here, or that opened it: the same
   * update handled again (its first run died before answering) is not taken
   * as the next answer or as a new command; the current step is shown
   */
  answeredBy?: number;
  /**
   * the person left the form to go on later: it is not open for answers,
   * but keeps where it was going (`continueWith`) until "Điền tiếp"
   */
  paused?: boolean;
  /** the question was opened from the summary to change its answer: "Giữ nguyên" goes back */
  editing?: boolean;
}

/** A person's on/off settings, by setting name (see NOTIFICATION_SETTINGS in src/outbox/kinds.ts); absent: on. */
export type NotificationPreferences = Partial<Record<string, boolean>>;

/** A one-time code an admin gives to make someone an officer; it expires after 48 hours. */
export const officerInvites = pgTable("officer_invites", {
  code: text("code").primaryKey(),
  createdBy: telegramId("created_by").notNull(),
  expiresAt: timestamptz("expires_at").notNull(),
  usedBy: telegramId("used_by"),
  usedAt: timestamptz("used_at"),
  revokedAt: timestamptz("revoked_at"),
  createdAt: timestamptz("created_at").notNull().defaultNow(),
});

/**
 * A person who has agreed to the processing of their personal data.
 * Nobody gets a row before consent (Nghị định 13/2023/NĐ-CP): /start
 * works from the Telegram update alone until then.
 */
export const users = pgTable("users", {
  id: telegramId("id").primaryKey(),
  chatId: telegramId("chat_id").notNull(),
  firstName: text("first_name"),
  username: text("username"),
  language: text("language").$type<Language>().notNull().default("vi"),
  role: text("role").$type<UserRole>().notNull().default("applicant"),
  consentAt: timestamptz("consent_at").notNull(),
  blockedAt: timestamptz("blocked_at"),
  notificationPreferences: jsonb("notification_preferences")
    .$type<NotificationPreferences>()
    .notNull()
    .default({}),
  openForm: jsonb("open_form").$type<OpenForm | null>(),
  /**
   * The ids of the last updates taken from this person, newest first.
   * Telegram delivers an update again when its receipt was not confirmed (a
   * restart, a late webhook answer); taking it twice would save the same text
   * as the answer to the next question. Ids are matched exactly, not compared:
   * after a week without updates Telegram starts them again at random.
   */
  recentUpdateIds: bigint("recent_update_ids", { mode: "number" }).array(),
  ...timestamps,
});
