/**
 * Every kind of proactive message, with how it is sent: whether it waits
 * out the night (quiet hours), how it ranks against others, and which of a
 * person's settings turns it off. `enqueue` refuses a kind that is not here,
 * so adding a message kind is adding one entry (and its locale texts).
 *
 * - "immediate": something a person waits for (a decision, a reply): sent
 *   at once, day or night.
 * - "daytime": reminders, digests: held through quiet hours (checked again
 *   by the sender at the moment of sending).
 */
import type { OutboxUrgency } from "../db/schema/index.ts";

/** A person's on/off settings (users.notification_preferences); absent means on. */
export const NOTIFICATION_SETTINGS = [
  "deadlines",
  "drafts",
  "fairs",
  "results",
  "daily-digest",
  "weekly-digest",
] as const;
export type NotificationSetting = (typeof NOTIFICATION_SETTINGS)[number];

export interface OutboxKind {
  urgency: OutboxUrgency;
  /** higher goes first among due messages */
  priority: number;
  /** the setting that lets the recipient turn this kind off; none: always sent */
  setting?: NotificationSetting;
}

export const OUTBOX_KINDS = {
  /** an owner's application changed status (an officer decided, asked for more, …) */
  "owner-status-change": { urgency: "immediate", priority: 20 },
  /** an officer answered an owner's question */
  "owner-reply": { urgency: "immediate", priority: 20 },
  /** a new application, to each officer (and the officers' group) */
  "officer-new-application": { urgency: "daytime", priority: 10 },
  /** an owner withdrew an application, or resubmitted after bổ sung */
  "officer-notice": { urgency: "immediate", priority: 10 },
  /** an owner's question about an application, to each officer (replying to it answers the owner) */
  "officer-question": { urgency: "immediate", priority: 10 },
  /** an application's card rewritten in place as it moves on (an edit: no notification) */
  "officer-card-update": { urgency: "immediate", priority: 1 },
  /** the registration deadline of a plan year is near */
  "deadline-reminder": { urgency: "daytime", priority: 0, setting: "deadlines" },
  /** a draft left untouched */
  "draft-reminder": { urgency: "daytime", priority: 0, setting: "drafts" },
  /** a trade fair's registration deadline, or the fair itself, is near */
  "fair-reminder": { urgency: "daytime", priority: 0, setting: "fairs" },
  /** results of a plan year are announced */
  "result-reminder": { urgency: "daytime", priority: 0, setting: "results" },
  /** a deadline of another kind of event */
  "event-reminder": { urgency: "daytime", priority: 0, setting: "deadlines" },
  /** an event someone registered for or was reminded of moved or was cancelled */
  "event-update": { urgency: "daytime", priority: 5 },
  /** an officer approved or declined an owner's fair registration */
  "fair-registration-decision": { urgency: "immediate", priority: 20 },
  "daily-digest": { urgency: "daytime", priority: 5, setting: "daily-digest" },
  "weekly-digest": { urgency: "daytime", priority: 5, setting: "weekly-digest" },
} as const satisfies Record<string, OutboxKind>;

export type OutboxKindName = keyof typeof OUTBOX_KINDS;

export function isOutboxKind(name: string): name is OutboxKindName {
  return Object.hasOwn(OUTBOX_KINDS, name);
}

export function outboxKind(name: string): OutboxKind {
  if (!isOutboxKind(name)) throw new Error(`unknown outbox kind "${name}": add it to OUTBOX_KINDS`);
  return OUTBOX_KINDS[name];
}
