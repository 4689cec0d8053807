/**
 * The day a reminder is read on: a job running at night queues for the
 * morning, so it counts days from the end of quiet hours.
 */
import { type CalendarDate, formatDate, localParts } from "../domain/dates.ts";
import { nextAllowedInstant } from "../domain/quiet-hours.ts";
import {
  DEFAULT_REMINDER_SCHEDULE,
  isoDay,
  type ReminderSchedule,
} from "../domain/reminder-plan.ts";
import type { JobDependencies } from "./job.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReadingDay {
  /** when the reminder can be read: now, or the end of quiet hours */
  readAt: Date;
  today: CalendarDate;
  todayIso: string;
  /** the instant and the local day `days` days after readAt */
  ahead(days: number): { at: Date; iso: string };
}

export function readingDay(now: Date, deps: Pick<JobDependencies, "config">): ReadingDay {
  const { timeZone, quietHours } = deps.config;
  const readAt = nextAllowedInstant(now, timeZone, quietHours);
  const today = localParts(readAt, timeZone);
  return {
    readAt,
    today,
    todayIso: isoDay(today),
    ahead(days) {
      const at = new Date(readAt.getTime() + days * DAY_MS);
      return { at, iso: isoDay(localParts(at, timeZone)) };
    },
  };
}

export const reminderSchedule = (deps: Pick<JobDependencies, "config">): ReminderSchedule =>
  deps.config.reminders ?? DEFAULT_REMINDER_SCHEDULE;

export const localDate = (at: Date, timeZone: string): string =>
  formatDate(localParts(at, timeZone));

export const localTime = (at: Date, timeZone: string): string => {
  const parts = localParts(at, timeZone);
  return `${String(parts.hour).padStart(2, "0")}:${String(parts.minute).padStart(2, "0")}`;
};
