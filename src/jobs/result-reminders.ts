/**
 * Result reminders: before a result announcement (config.reminders.
 * resultDaysBefore, default 3 days), owners whose applications of that plan
 * year and stream still wait for a decision are told when to expect it; each
 * officer gets the list of those applications waiting longer than
 * resultWaitingDays (default 30) since submission. Dedupe keys
 * `event:<id>:r<revision>:result-T-<n>:user:<uid>` and
 * `…:officer:<uid>`.
 */
import { formatDate } from "../domain/dates.ts";
import { parseIsoDay, stageDue } from "../domain/reminder-plan.ts";
import { escapeHtml } from "../i18n.ts";
import type { OutgoingMessage } from "../outbox/enqueue.ts";
import { activeEventsAnchoredBetween } from "../services/calendar.ts";
import { undecidedApplications } from "../services/reminders.ts";
import { findUser, listOfficers } from "../services/users.ts";
import type { ReminderJobResult } from "./deadline-reminders.ts";
import type { Job, JobDependencies } from "./job.ts";
import { queueReminders, reminderMessage } from "./reminder-messages.ts";
import { localDate, readingDay, reminderSchedule } from "./reminder-time.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** lines listed in one officer's message; the rest are counted */
const OFFICER_LIST_LIMIT = 30;

export async function queueResultReminders(
  now: Date,
  deps: JobDependencies,
): Promise<ReminderJobResult> {
  const { timeZone } = deps.config;
  const schedule = reminderSchedule(deps);
  const day = readingDay(now, deps);
  const horizon = day.ahead(Math.max(0, ...schedule.resultDaysBefore) + 1);
  const events = await activeEventsAnchoredBetween(deps.db, {
    kind: "result",
    anchor: "start",
    from: day.readAt,
    until: horizon.at,
    fromDay: day.todayIso,
    untilDay: horizon.iso,
  });
  const messages: OutgoingMessage[] = [];
  let due = 0;
  for (const event of events) {
    if (event.planYear == null) continue;
    const stage = stageDue(schedule.resultDaysBefore, parseIsoDay(event.startsOn), day.today);
    if (!stage) continue;
    due++;
    const date = formatDate(parseIsoDay(event.startsOn));
    const undecided = await undecidedApplications(deps.db, event.planYear, event.program);
    const byOwner = new Map<number, string[]>();
    for (const application of undecided) {
      const codes = byOwner.get(application.ownerId) ?? [];
      codes.push(application.code ?? `#${application.id}`);
      byOwner.set(application.ownerId, codes);
    }
    for (const [ownerId, codes] of byOwner) {
      const owner = await findUser(deps.db, ownerId);
      if (!owner || owner.blockedAt) continue;
      messages.push(
        reminderMessage(deps, owner, {
          kind: "result-reminder",
          setting: "results",
          key: "reminder-result",
          vars: {
            title: escapeHtml(event.title),
            date,
            days: stage.daysLeft,
            codes: codes.join(", "),
            year: String(event.planYear),
          },
          reasonKey: "reminder-why-result",
          reasonVars: { year: String(event.planYear) },
          dedupeKey: `event:${event.id}:r${event.revision}:result-T-${stage.stage}:user:${ownerId}`,
        }),
      );
    }
    const waitingBefore = new Date(day.readAt.getTime() - schedule.resultWaitingDays * DAY_MS);
    const waiting = undecided.filter(
      (application) => application.waitingSince && application.waitingSince < waitingBefore,
    );
    if (waiting.length === 0) continue;
    const more = Math.max(0, waiting.length - OFFICER_LIST_LIMIT);
    const listed = waiting
      .slice(0, OFFICER_LIST_LIMIT)
      .map(
        (application) =>
          `• ${escapeHtml(application.code ?? `#${application.id}`)} (${localDate(application.waitingSince as Date, timeZone)})`,
      )
      .join("\n");
    for (const officer of await listOfficers(deps.db)) {
      messages.push(
        reminderMessage(deps, officer, {
          kind: "result-reminder",
          setting: "results",
          key: "reminder-result-officer",
          vars: {
            title: escapeHtml(event.title),
            date,
            count: waiting.length,
            waitingDays: schedule.resultWaitingDays,
            lines:
              more > 0
                ? `${listed}\n${deps.i18n.t(officer.language, "reminder-result-officer-more", { more })}`
                : listed,
          },
          reasonKey: "reminder-why-result-officer",
          dedupeKey: `event:${event.id}:r${event.revision}:result-T-${stage.stage}:officer:${officer.id}`,
        }),
      );
    }
  }
  return queueReminders(deps, "result-reminders", due, messages);
}

export const resultRemindersJob: Job<ReminderJobResult> = {
  name: "result-reminders",
  schedule: "15 8 * * *",
  description:
    "tells owners waiting for a decision when results come out, and officers what waits longest",
  run: queueResultReminders,
};
