/**
 * Reminders of calendar events: for every event with a registration
 * deadline (or, for a trade fair without one, its opening day), each
 * consenting applicant who has not blocked the bot gets a reminder 7 days
 * before and 1 day before, in their language, held through quiet hours.
 *
 * The job looks at what is due, not at what it did last time, so it catches
 * up by itself: run at any instant it queues, per event and person, the one
 * reminder that applies then (T-1 on the last day, T-7 from seven days
 * before), and the dedupe key `event:<id>:user:<uid>:T-<n>` queues it once.
 * A job that missed the T-7 day queues T-7 once the next time it runs, if
 * the event is still ahead; one that missed the whole week queues T-1 only.
 */
import type { CalendarEventKind, calendarEvents } from "../db/schema/index.ts";
import { type CalendarDate, formatDate, localParts, zonedDateToUtc } from "../domain/dates.ts";
import { nextAllowedInstant } from "../domain/quiet-hours.ts";
import { escapeHtml } from "../i18n.ts";
import { enqueueMany, type OutgoingMessage } from "../outbox/enqueue.ts";
import type { OutboxKindName } from "../outbox/kinds.ts";
import { eventAudience, eventsWithDeadlinesBetween } from "../services/calendar.ts";
import type { Job, JobDependencies } from "./job.ts";

/** Days before the anchor on which a reminder goes, latest stage last. */
export const REMINDER_STAGES = [7, 1] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

const DAY = 24 * 60 * 60 * 1000;

const dayNumber = ({ year, month, day }: CalendarDate): number =>
  Math.round(Date.UTC(year, month - 1, day) / DAY);

/**
 * Which reminder applies when the reader's local day is `today` and the
 * anchor falls on `anchorDay`: the latest stage whose day has come, with
 * the whole days left. Undefined before T-7 and after the anchor's day.
 */
export function reminderStage(
  anchorDay: CalendarDate,
  today: CalendarDate,
): { stage: ReminderStage; daysLeft: number } | undefined {
  const daysLeft = dayNumber(anchorDay) - dayNumber(today);
  if (daysLeft < 0) return undefined;
  let applies: ReminderStage | undefined;
  for (const stage of REMINDER_STAGES) if (daysLeft <= stage) applies = stage;
  return applies === undefined ? undefined : { stage: applies, daysLeft };
}

type CalendarEvent = typeof calendarEvents.$inferSelect;

interface Anchor {
  /** the instant after which no reminder makes sense */
  at: Date;
  kind: "deadline" | "fair-start";
}

function parseDay(isoDate: string): CalendarDate {
  const [year, month, day] = isoDate.split("-").map(Number);
  return { year: year ?? Number.NaN, month: month ?? Number.NaN, day: day ?? Number.NaN };
}

export function anchorOf(event: CalendarEvent, timeZone: string): Anchor | undefined {
  if (event.registrationDeadline) return { at: event.registrationDeadline, kind: "deadline" };
  if (event.kind === "fair") {
    return { at: zonedDateToUtc(parseDay(event.startsOn), timeZone), kind: "fair-start" };
  }
  return undefined;
}

function messageKey(eventKind: CalendarEventKind, anchor: Anchor): string {
  if (anchor.kind === "fair-start") return "reminder-fair-start";
  if (eventKind === "deadline") return "reminder-deadline";
  if (eventKind === "fair") return "reminder-fair-registration";
  return "reminder-event-deadline";
}

const OUTBOX_KIND: Record<CalendarEventKind, OutboxKindName> = {
  deadline: "deadline-reminder",
  fair: "fair-reminder",
  result: "result-reminder",
  other: "event-reminder",
};

export interface CalendarRemindersResult {
  /** events with a reminder due */
  events: number;
  /** reminders that apply (one per event and person) */
  recipients: number;
  /** dedupe keys newly queued by this run */
  queued: string[];
  /** reminders that were queued before (by an earlier run) */
  alreadyQueued: number;
}

export async function queueCalendarReminders(
  now: Date,
  deps: JobDependencies,
): Promise<CalendarRemindersResult> {
  const { timeZone, quietHours } = deps.config;
  // Reminders are read in the morning if queued at night: count days from then.
  const readAt = nextAllowedInstant(now, timeZone, quietHours);
  const today = localParts(readAt, timeZone);
  const todayIso = `${today.year}-${String(today.month).padStart(2, "0")}-${String(today.day).padStart(2, "0")}`;
  const horizon = new Date(readAt.getTime() + (Math.max(...REMINDER_STAGES) + 1) * DAY);
  const horizonDay = localParts(horizon, timeZone);
  const horizonIso = `${horizonDay.year}-${String(horizonDay.month).padStart(2, "0")}-${String(horizonDay.day).padStart(2, "0")}`;

  const events = await eventsWithDeadlinesBetween(deps.db, {
    from: readAt,
    until: horizon,
    fromDay: todayIso,
    untilDay: horizonIso,
  });

  const messages: OutgoingMessage[] = [];
  let eventsDue = 0;
  for (const event of events) {
    const anchor = anchorOf(event, timeZone);
    if (!anchor || anchor.at.getTime() <= readAt.getTime()) continue;
    const anchorLocal = localParts(anchor.at, timeZone);
    const due = reminderStage(anchorLocal, today);
    if (!due) continue;
    eventsDue++;
    const key = messageKey(event.kind, anchor);
    const variables = {
      title: escapeHtml(event.title),
      date: formatDate(anchorLocal),
      time: `${String(anchorLocal.hour).padStart(2, "0")}:${String(anchorLocal.minute).padStart(2, "0")}`,
      startDate: formatDate(parseDay(event.startsOn)),
      days: due.daysLeft,
    };
    for (const person of await eventAudience(deps.db, event)) {
      let text = deps.i18n.t(person.language, key, variables);
      if (event.location) {
        text += `\n${deps.i18n.t(person.language, "reminder-location", { location: escapeHtml(event.location) })}`;
      }
      messages.push({
        chatId: person.chatId,
        userId: person.id,
        kind: OUTBOX_KIND[event.kind],
        payload: { type: "text", text, parseMode: "HTML" },
        dedupeKey: `event:${event.id}:user:${person.id}:T-${due.stage}`,
      });
    }
  }
  const queued = await enqueueMany(deps.db, messages);
  if (queued.length > 0) {
    deps.logger.info(
      { job: "calendar-reminders", queued: queued.length, events: eventsDue },
      "calendar reminders queued",
    );
  }
  return {
    events: eventsDue,
    recipients: messages.length,
    queued,
    alreadyQueued: messages.length - queued.length,
  };
}

export const calendarRemindersJob: Job<CalendarRemindersResult> = {
  name: "calendar-reminders",
  // hourly: an event entered today still gets today's reminder, and a missed hour is made up within the next
  schedule: "0 * * * *",
  description: "queues T-7 and T-1 reminders of registration deadlines and trade fairs",
  run: queueCalendarReminders,
};
