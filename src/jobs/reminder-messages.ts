/**
 * How every reminder reads: its text, one line saying why this person gets
 * it, and a button that turns this kind of reminder off (plus, for some,
 * a button to act on it). Shared by the four reminder jobs.
 */
import { enqueueMany, type OutgoingMessage } from "../outbox/enqueue.ts";
import type { NotificationSetting, OutboxKindName } from "../outbox/kinds.ts";
import {
  type InlineButton,
  inlineKeyboard,
  reminderOffCallback,
} from "../services/calendar-buttons.ts";
import type { Recipient } from "../services/users.ts";
import type { JobDependencies } from "./job.ts";

export interface ReminderContent {
  kind: OutboxKindName;
  setting: NotificationSetting;
  key: string;
  vars: Record<string, string | number>;
  /** the locale key of the "why you get this" line */
  reasonKey: string;
  reasonVars?: Record<string, string | number>;
  /** a button to act on the reminder, above the one that turns it off */
  action?: (language: string) => InlineButton;
  dedupeKey: string;
}

export function reminderMessage(
  deps: Pick<JobDependencies, "i18n">,
  person: Recipient,
  content: ReminderContent,
): OutgoingMessage {
  const t = (key: string, vars?: Record<string, string | number>) =>
    deps.i18n.t(person.language, key, vars);
  const text = `${t(content.key, content.vars)}\n\n<i>${t(content.reasonKey, content.reasonVars)}</i>`;
  const rows: InlineButton[][] = [];
  if (content.action) rows.push([content.action(person.language)]);
  rows.push([
    {
      text: t(`reminder-off-${content.setting}`),
      callback_data: reminderOffCallback.pack({ setting: content.setting }),
    },
  ]);
  return {
    chatId: person.chatId,
    userId: person.id,
    kind: content.kind,
    payload: { type: "text", text, parseMode: "HTML", replyMarkup: inlineKeyboard(rows) },
    dedupeKey: content.dedupeKey,
  };
}

/** What a reminder job reports. */
export interface ReminderJobResult {
  /** events (or drafts) with a reminder due */
  due: number;
  /** reminders that apply now (one per event and person) */
  recipients: number;
  /** dedupe keys newly queued by this run */
  queued: string[];
}

/** Queues a reminder job's messages (each dedupe key once) and logs what went in. */
export async function queueReminders(
  deps: Pick<JobDependencies, "db" | "logger">,
  job: string,
  due: number,
  messages: OutgoingMessage[],
): Promise<ReminderJobResult> {
  const queued = await enqueueMany(deps.db, messages);
  if (queued.length > 0) deps.logger.info({ job, queued: queued.length, due }, "reminders queued");
  return { due, recipients: messages.length, queued };
}
