/**
 * Reminder planning, as data and pure rules: which reminder is due on a
 * given local day, for each of the four kinds. No I/O: the jobs in
 * src/jobs/*-reminders.ts read the calendar and the drafts, ask these rules,
 * and queue what is due in the outbox.
 *
 * Days are counted on the local calendar (the reader's day), never in
 * 24-hour spans: "1 day before" a deadline on 10/12 is 9/12, whatever the
 * hour the job runs.
 */
import type { CalendarDate } from "./dates.ts";

/** When each kind of reminder goes, in days; configurable (config.reminders). */
export interface ReminderSchedule {
  /** days before a plan year's registration deadline */
  deadlineDaysBefore: readonly number[];
  /** a draft untouched this many days gets a nudge */
  draftIdleDays: number;
  /** at most one nudge per this many days */
  draftMinGapDays: number;
  /** days before a trade fair's registration deadline, to those who have not registered */
  fairRegistrationDaysBefore: readonly number[];
  /** days before a trade fair opens, to those registered */
  fairDaysBefore: readonly number[];
  /** days before a result announcement, to owners still waiting for a decision */
  resultDaysBefore: readonly number[];
  /** officers are told of applications undecided for longer than this */
  resultWaitingDays: number;
}

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  deadlineDaysBefore: [30, 14, 7, 1],
  draftIdleDays: 3,
  draftMinGapDays: 7,
  fairRegistrationDaysBefore: [7, 1],
  fairDaysBefore: [1],
  resultDaysBefore: [3],
  resultWaitingDays: 30,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local day as a whole number (days since 1970-01-01), to count days between. */
export const dayNumber = ({ year, month, day }: CalendarDate): number =>
  Math.round(Date.UTC(year, month - 1, day) / DAY_MS);

/** "2026-12-10" → { year: 2026, month: 12, day: 10 } */
export function parseIsoDay(isoDate: string): CalendarDate {
  const [year, month, day] = isoDate.split("-").map(Number);
  return { year: year ?? Number.NaN, month: month ?? Number.NaN, day: day ?? Number.NaN };
}

export const isoDay = ({ year, month, day }: CalendarDate): string =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

export interface StageDue {
  /** the offset (days before) this reminder stands for: part of its dedupe key */
  stage: number;
  /** whole days from today to the anchor's day (0: today) */
  daysLeft: number;
}

/**
 * Which stage applies on `today` for an anchor on `anchorDay`: the latest
 * stage whose day has come, with the days left. A job that missed a stage's
 * day sends it late (once) if no later stage has come since; one that
 * missed several sends only the latest. Undefined before the earliest stage
 * and after the anchor's day.
 */
export function stageDue(
  offsets: readonly number[],
  anchorDay: CalendarDate,
  today: CalendarDate,
): StageDue | undefined {
  const daysLeft = dayNumber(anchorDay) - dayNumber(today);
  if (daysLeft < 0 || offsets.length === 0) return undefined;
  let applies: number | undefined;
  for (const stage of offsets) {
    if (daysLeft <= stage && (applies === undefined || stage < applies)) applies = stage;
  }
  return applies === undefined ? undefined : { stage: applies, daysLeft };
}

/**
 * Whether a draft gets a nudge today: untouched for `draftIdleDays`, no
 * nudge in the last `draftMinGapDays`, and its deadline not passed (the
 * deadline's own day still counts, if the deadline is later than `now`).
 */
export function draftNudgeDue(input: {
  today: CalendarDate;
  lastTouchedDay: CalendarDate;
  lastNudgeDay: CalendarDate | undefined;
  deadline: Date | undefined;
  now: Date;
  schedule: Pick<ReminderSchedule, "draftIdleDays" | "draftMinGapDays">;
}): boolean {
  const today = dayNumber(input.today);
  if (input.deadline !== undefined && input.deadline.getTime() <= input.now.getTime()) return false;
  if (today - dayNumber(input.lastTouchedDay) < input.schedule.draftIdleDays) return false;
  if (input.lastNudgeDay && today - dayNumber(input.lastNudgeDay) < input.schedule.draftMinGapDays)
    return false;
  return true;
}

/** Reads "30,14,7,1" (config): whole days, at least 0, largest first. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => !/^\d{1,3}$/.test(part))) return undefined;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

/** The answers of an application draft, as the reminder counts them ("còn N/M câu"). */
export const APPLICATION_ANSWER_FIELDS = [
  "program",
  "category",
  "title",
  "description",
  "totalCost",
  "requestedSupport",
  "counterpartFunds",
  "periodStart",
  "periodEnd",
  "expectedResults",
  "attachmentsDone",
] as const;

export function draftProgress(
  draft: Partial<Record<(typeof APPLICATION_ANSWER_FIELDS)[number], unknown>>,
): { left: number; total: number } {
  const total = APPLICATION_ANSWER_FIELDS.length;
  const answered = APPLICATION_ANSWER_FIELDS.filter((field) => {
    const value = draft[field];
    return value !== null && value !== undefined && value !== false && value !== "";
  }).length;
  return { left: total - answered, total };
}
