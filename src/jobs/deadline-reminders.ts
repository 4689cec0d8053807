/**
 * Deadline reminders: 30, 14, 7 and 1 days before a plan year's
 * registration deadline (config.reminders.deadlineDaysBefore), to the owners
 * the deadline concerns who have not submitted an application for that plan
 * year (and stream, when the event names one). An owner with a draft is
 * told how far it is ("còn N/M câu") and gets a button to go on with it;
 * the others a button to start one.
 *
 * Like every reminder job it looks at what is due, not at what it did: run
 * at any instant, it queues per event and person the one stage that applies
 * then (the latest whose day has come), and the dedupe key
 * `event:<id>:r<revision>:deadline-T-<n>:user:<uid>` queues it once, across
 * runs, restarts and instances. Nothing is queued once the deadline has
 * passed (counted from when the message can be read: after quiet hours).
 */

import { localParts } from "../domain/dates.ts";
import { stageDue } from "../domain/reminder-plan.ts";
import { escapeHtml } from "../i18n.ts";
import type { OutgoingMessage } from "../outbox/enqueue.ts";
import {
  activeEventsAnchoredBetween,
  eventAudience,
  seedProvinceEvents,
} from "../services/calendar.ts";
import { reminderApplyCallback } from "../services/calendar-buttons.ts";
import { applicationDrafts, ownersWithSubmitted } from "../services/reminders.ts";
import type { Job, JobDependencies } from "./job.ts";
import { province as loadedProvince } from "./province.ts";
import { queueReminders, type ReminderJobResult, reminderMessage } from "./reminder-messages.ts";
import { localDate, localTime, readingDay, reminderSchedule } from "./reminder-time.ts";

export type { ReminderJobResult } from "./reminder-messages.ts";

export async function queueDeadlineReminders(
  now: Date,
  deps: JobDependencies,
): Promise<ReminderJobResult> {
  const { timeZone } = deps.config;
  const schedule = reminderSchedule(deps);
  await seedProvinceEvents(deps.db, loadedProvince(deps), now, timeZone, deps.i18n);
  const day = readingDay(now, deps);
  const horizon = day.ahead(Math.max(0, ...schedule.deadlineDaysBefore) + 1);
  const events = await activeEventsAnchoredBetween(deps.db, {
    kind: "deadline",
    anchor: "deadline",
    from: day.readAt,
    until: horizon.at,
    fromDay: day.todayIso,
    untilDay: horizon.iso,
  });
  const messages: OutgoingMessage[] = [];
  let due = 0;
  for (const event of events) {
    const deadline = event.registrationDeadline;
    if (!deadline) continue;
    const stage = stageDue(schedule.deadlineDaysBefore, localParts(deadline, timeZone), day.today);
    if (!stage) continue;
    due++;
    const submitted =
      event.planYear == null
        ? new Set<number>()
        : await ownersWithSubmitted(deps.db, event.planYear, event.program);
    const drafts = new Map<number, { id: number; left: number; total: number }>();
    if (event.planYear != null) {
      for (const draft of await applicationDrafts(deps.db, event.planYear)) {
        if (!drafts.has(draft.ownerId)) drafts.set(draft.ownerId, draft);
      }
    }
    const vars = {
      title: escapeHtml(event.title),
      date: localDate(deadline, timeZone),
      time: localTime(deadline, timeZone),
      days: stage.daysLeft,
      year: String(event.planYear ?? ""),
    };
    for (const person of await eventAudience(deps.db, event)) {
      if (submitted.has(person.id)) continue;
      const draft = drafts.get(person.id);
      messages.push(
        reminderMessage(deps, person, {
          kind: "deadline-reminder",
          setting: "deadlines",
          key: draft ? "reminder-deadline-draft" : "reminder-deadline",
          vars: draft ? { ...vars, left: draft.left, total: draft.total } : vars,
          reasonKey: event.planYear == null ? "reminder-why-deadline-any" : "reminder-why-deadline",
          reasonVars: { year: String(event.planYear ?? "") },
          action: (language) => ({
            text: deps.i18n.t(
              language,
              draft ? "reminder-button-continue" : "reminder-button-apply",
            ),
            callback_data: reminderApplyCallback.pack({ draft: draft?.id ?? 0 }),
          }),
          dedupeKey: `event:${event.id}:r${event.revision}:deadline-T-${stage.stage}:user:${person.id}`,
        }),
      );
    }
  }
  return queueReminders(deps, "deadline-reminders", due, messages);
}

export const deadlineRemindersJob: Job<ReminderJobResult> = {
  name: "deadline-reminders",
  schedule: "0 8 * * *",
  description: "queues reminders of the registration deadline (30, 14, 7, 1 days before)",
  run: queueDeadlineReminders,
};
