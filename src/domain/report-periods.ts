/**
 * When the officers' digests are due and which period each covers, as pure
 * functions of the instant, the time zone and the digest time (HH:MM).
 *
 * - The daily digest is due from the digest time of each local day; it
 *   covers the 24 hours before that day's digest time (from yesterday's),
 *   so consecutive digests neither overlap nor leave a gap, whenever the
 *   job actually runs.
 * - The weekly summary is due from the digest time of each Monday; it
 *   covers the seven days before (from the previous Monday's digest time).
 */
import { type CalendarDate, localParts, zonedDateToUtc } from "./dates.ts";
import { minutesOfDay } from "./quiet-hours.ts";

const DAY = 86_400_000;

export interface ReportPeriod {
  /** the local day the digest belongs to, "YYYY-MM-DD" (for its dedupe key) */
  key: string;
  /** the digest time of that day: the end of the period */
  until: Date;
  /** the start of the period (the previous digest time) */
  since: Date;
}

const isoDay = ({ year, month, day }: CalendarDate): string =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The calendar day `days` after (or before) a day. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 = Sunday … 1 = Monday … 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function slotOf(day: CalendarDate, digestTime: string, timeZone: string): Date {
  const minutes = minutesOfDay(digestTime);
  return zonedDateToUtc({ ...day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
}

/** Today's daily digest period once its time has come; undefined before the digest time. */
export function dailyDigestPeriod(
  now: Date,
  timeZone: string,
  digestTime: string,
): ReportPeriod | undefined {
  const local = localParts(now, timeZone);
  const today = { year: local.year, month: local.month, day: local.day };
  const until = slotOf(today, digestTime, timeZone);
  if (now.getTime() < until.getTime()) return undefined;
  return { key: isoDay(today), until, since: slotOf(addDays(today, -1), digestTime, timeZone) };
}

/** This Monday's weekly period once its time has come; undefined on other days and before the time. */
export function weeklyDigestPeriod(
  now: Date,
  timeZone: string,
  digestTime: string,
): ReportPeriod | undefined {
  const daily = dailyDigestPeriod(now, timeZone, digestTime);
  if (daily === undefined) return undefined;
  const local = localParts(now, timeZone);
  const today = { year: local.year, month: local.month, day: local.day };
  if (weekday(today) !== 1) return undefined;
  return {
    key: isoDay(today),
    until: daily.until,
    since: slotOf(addDays(today, -7), digestTime, timeZone),
  };
}

/** The instant before which an application waiting since then has waited more than `days`. */
export function waitedLongerThan(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

/** Whole days between two instants (never negative). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));
}
