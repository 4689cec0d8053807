/**
 * Draft nudges: an application draft untouched for 3 days
 * (config.reminders.draftIdleDays) gets a nudge with a button to go on with
 * it, at most one a week per owner, and never once its plan year's
 * registration deadline has passed. The dedupe key
 * `draft:<application id>:<local day>` queues one per day at most; the week
 * between two nudges is read back from those keys, so the rule holds across
 * restarts and instances.
 */

import { localParts } from "../domain/dates.ts";
import { dayNumber, draftNudgeDue, parseIsoDay } from "../domain/reminder-plan.ts";
import type { OutgoingMessage } from "../outbox/enqueue.ts";
import { planYearDeadline } from "../services/calendar.ts";
import { reminderApplyCallback } from "../services/calendar-buttons.ts";
import { applicationDrafts, draftNudgeDays } from "../services/reminders.ts";
import type { ReminderJobResult } from "./deadline-reminders.ts";
import type { Job, JobDependencies } from "./job.ts";
import { province } from "./province.ts";
import { queueReminders, reminderMessage } from "./reminder-messages.ts";
import { localDate, readingDay, reminderSchedule } from "./reminder-time.ts";

export async function queueDraftReminders(
  now: Date,
  deps: JobDependencies,
): Promise<ReminderJobResult> {
  const { timeZone } = deps.config;
  const schedule = reminderSchedule(deps);
  const day = readingDay(now, deps);
  const lastNudges = await draftNudgeDays(deps.db);
  const deadlines = new Map<number, Date>();
  const seenOwners = new Set<number>();
  const messages: OutgoingMessage[] = [];
  for (const draft of await applicationDrafts(deps.db)) {
    // one nudge per owner: about the draft touched last
    if (seenOwners.has(draft.ownerId)) continue;
    seenOwners.add(draft.ownerId);
    let deadline = deadlines.get(draft.planYear);
    if (!deadline) {
      deadline = await planYearDeadline(deps.db, draft.planYear, province(deps), timeZone);
      deadlines.set(draft.planYear, deadline);
    }
    const last = lastNudges.get(draft.ownerId);
    const due = draftNudgeDue({
      today: day.today,
      lastTouchedDay: localParts(draft.updatedAt, timeZone),
      lastNudgeDay: last ? parseIsoDay(last) : undefined,
      deadline,
      now: day.readAt,
      schedule,
    });
    if (!due) continue;
    messages.push(
      reminderMessage(
        deps,
        { id: draft.ownerId, chatId: draft.chatId, language: draft.language },
        {
          kind: "draft-reminder",
          setting: "drafts",
          key: "reminder-draft",
          vars: {
            left: draft.left,
            total: draft.total,
            idleDays: dayNumber(day.today) - dayNumber(localParts(draft.updatedAt, timeZone)),
            date: localDate(deadline, timeZone),
            year: String(draft.planYear),
          },
          reasonKey: "reminder-why-draft",
          reasonVars: { days: schedule.draftIdleDays },
          action: (language) => ({
            text: deps.i18n.t(language, "reminder-button-continue"),
            callback_data: reminderApplyCallback.pack({ draft: draft.id }),
          }),
          dedupeKey: `draft:${draft.id}:${day.todayIso}`,
        },
      ),
    );
  }
  return queueReminders(deps, "draft-reminders", messages.length, messages);
}

export const draftRemindersJob: Job<ReminderJobResult> = {
  name: "draft-reminders",
  schedule: "5 8 * * *",
  description: "nudges owners about drafts left untouched (3 days, at most weekly)",
  run: queueDraftReminders,
};
