/**
 * Quiet hours: the nightly window (default 21:00–07:00 local) in which the
 * bot sends nothing that can wait. Pure: the caller passes the instant, the
 * IANA time zone and the window.
 *
 * The window is [start, end) in wall-clock time and may wrap midnight
 * (21:00–07:00). A window whose start equals its end is empty: never quiet.
 */
import { localParts, zonedDateToUtc } from "./dates.ts";

export interface QuietWindow {
  /** "HH:MM", 24-hour clock */
  start: string;
  /** "HH:MM", 24-hour clock; the first minute that is no longer quiet */
  end: string;
}

export type QuietState = { quiet: false } | { quiet: true; endsAt: Date };

const MINUTES_PER_DAY = 24 * 60;

/** "07:30" → 450. Throws on anything that is not HH:MM (config validates it first). */
export function minutesOfDay(clockTime: string): number {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(clockTime.trim());
  if (!match) throw new RangeError(`"${clockTime}" is not a time of day (HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether `instant` falls in the quiet window, and if so the instant the window ends. */
export function quietState(instant: Date, timeZone: string, window: QuietWindow): QuietState {
  const start = minutesOfDay(window.start);
  const end = minutesOfDay(window.end);
  if (start === end) return { quiet: false };
  const local = localParts(instant, timeZone);
  const now = local.hour * 60 + local.minute + local.second / 60;
  const wraps = start > end;
  const quiet = wraps ? now >= start || now < end : now >= start && now < end;
  if (!quiet) return { quiet: false };
  // The window ends today, unless it wraps and we are in its evening part.
  const endsTomorrow = wraps && now >= start;
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day + (endsTomorrow ? 1 : 0)));
  const endsAt = zonedDateToUtc(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(end / 60),
      minute: end % 60,
    },
    timeZone,
  );
  // A daylight-saving jump could land the wall-clock end before the instant.
  if (endsAt.getTime() <= instant.getTime()) {
    return { quiet: true, endsAt: new Date(instant.getTime() + 60_000) };
  }
  return { quiet: true, endsAt };
}

export function isQuiet(instant: Date, timeZone: string, window: QuietWindow): boolean {
  return quietState(instant, timeZone, window).quiet;
}

/** The earliest instant at or after `instant` that is outside quiet hours. */
export function nextAllowedInstant(instant: Date, timeZone: string, window: QuietWindow): Date {
  const state = quietState(instant, timeZone, window);
  return state.quiet ? state.endsAt : instant;
}

/** Minutes the quiet window lasts (0 when empty): for documentation and sanity checks. */
export function quietDurationMinutes(window: QuietWindow): number {
  const start = minutesOfDay(window.start);
  const end = minutesOfDay(window.end);
  return (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}
