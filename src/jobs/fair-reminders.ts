/**
 * Trade fair reminders:
 * - 7 and 1 days before a fair's registration deadline
 *   (config.reminders.fairRegistrationDaysBefore), to the owners it concerns
 *   who have not registered, with a button to register;
 * - the day before the fair (fairDaysBefore), to those holding a place
 *   (registered or approved), with its place and time.
 * Dedupe keys `event:<id>:r<revision>:fair-reg-T-<n>:user:<uid>` and
 * `event:<id>:r<revision>:fair-T-<n>:user:<uid>`: once each, and again
 * only if the fair moves (its revision changes).
 */
import { formatDate, localParts } from "../domain/dates.ts";
import { parseIsoDay, stageDue } from "../domain/reminder-plan.ts";
import { escapeHtml } from "../i18n.ts";
import type { OutgoingMessage } from "../outbox/enqueue.ts";
import { activeEventsAnchoredBetween, eventAudience } from "../services/calendar.ts";
import { eventCallback } from "../services/calendar-buttons.ts";
import { ownersWhoRegistered, registeredOwners } from "../services/reminders.ts";
import type { ReminderJobResult } from "./deadline-reminders.ts";
import type { Job, JobDependencies } from "./job.ts";
import { queueReminders, reminderMessage } from "./reminder-messages.ts";
import { localDate, localTime, readingDay, reminderSchedule } from "./reminder-time.ts";

export async function queueFairReminders(
  now: Date,
  deps: JobDependencies,
): Promise<ReminderJobResult> {
  const { timeZone } = deps.config;
  const schedule = reminderSchedule(deps);
  const day = readingDay(now, deps);
  const messages: OutgoingMessage[] = [];
  let due = 0;

  const registrationHorizon = day.ahead(Math.max(0, ...schedule.fairRegistrationDaysBefore) + 1);
  const closing = await activeEventsAnchoredBetween(deps.db, {
    kind: "fair",
    anchor: "deadline",
    from: day.readAt,
    until: registrationHorizon.at,
    fromDay: day.todayIso,
    untilDay: registrationHorizon.iso,
  });
  for (const fair of closing) {
    const deadline = fair.registrationDeadline;
    if (!deadline) continue;
    const stage = stageDue(
      schedule.fairRegistrationDaysBefore,
      localParts(deadline, timeZone),
      day.today,
    );
    if (!stage) continue;
    due++;
    const registered = await ownersWhoRegistered(deps.db, fair.id);
    for (const person of await eventAudience(deps.db, fair)) {
      if (registered.has(person.id)) continue;
      messages.push(
        reminderMessage(deps, person, {
          kind: "fair-reminder",
          setting: "fairs",
          key: "reminder-fair-registration",
          vars: {
            title: escapeHtml(fair.title),
            date: localDate(deadline, timeZone),
            time: localTime(deadline, timeZone),
            startDate: formatDate(parseIsoDay(fair.startsOn)),
            days: stage.daysLeft,
          },
          reasonKey: "reminder-why-fair-registration",
          action: (language) => ({
            text: deps.i18n.t(language, "reminder-button-register"),
            callback_data: eventCallback.pack({ action: "register", id: fair.id }),
          }),
          dedupeKey: `event:${fair.id}:r${fair.revision}:fair-reg-T-${stage.stage}:user:${person.id}`,
        }),
      );
    }
  }

  const openingHorizon = day.ahead(Math.max(0, ...schedule.fairDaysBefore) + 1);
  const opening = await activeEventsAnchoredBetween(deps.db, {
    kind: "fair",
    anchor: "start",
    from: day.readAt,
    until: openingHorizon.at,
    fromDay: day.todayIso,
    untilDay: openingHorizon.iso,
  });
  for (const fair of opening) {
    const stage = stageDue(schedule.fairDaysBefore, parseIsoDay(fair.startsOn), day.today);
    // on the opening day itself it is too late to say "tomorrow"
    if (!stage || stage.daysLeft === 0) continue;
    due++;
    for (const person of await registeredOwners(deps.db, fair.id)) {
      messages.push(
        reminderMessage(deps, person, {
          kind: "fair-reminder",
          setting: "fairs",
          key: "reminder-fair-start",
          vars: {
            title: escapeHtml(fair.title),
            startDate: formatDate(parseIsoDay(fair.startsOn)),
            endDate: formatDate(parseIsoDay(fair.endsOn ?? fair.startsOn)),
            location: escapeHtml(fair.location ?? "—"),
            days: stage.daysLeft,
          },
          reasonKey: "reminder-why-fair-registered",
          action: (language) => ({
            text: deps.i18n.t(language, "reminder-button-calendar"),
            callback_data: eventCallback.pack({ action: "ics", id: fair.id }),
          }),
          dedupeKey: `event:${fair.id}:r${fair.revision}:fair-T-${stage.stage}:user:${person.id}`,
        }),
      );
    }
  }

  return queueReminders(deps, "fair-reminders", due, messages);
}

export const fairRemindersJob: Job<ReminderJobResult> = {
  name: "fair-reminders",
  schedule: "10 8 * * *",
  description:
    "queues trade fair reminders (registration 7 and 1 days before; the day before the fair)",
  run: queueFairReminders,
};
