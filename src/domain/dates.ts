/**
 * Calendar dates and months as typed in Vietnam (dd/mm/yyyy, "tháng 3/2027")
 * and pure time-zone helpers (the caller passes the Date and the zone).
 */
import { fail, ok, type Result } from "./result.ts";
import { foldVietnamese } from "./text.ts";

export const DATE_ERRORS = ["date-empty", "date-format", "date-invalid"] as const;
export type DateError = (typeof DATE_ERRORS)[number];

export const MONTH_ERRORS = ["month-empty", "month-format", "month-invalid"] as const;
export type MonthError = (typeof MONTH_ERRORS)[number];

export type CalendarDate = { year: number; month: number; day: number };
export type CalendarMonth = { year: number; month: number };
export type LocalDateTime = CalendarDate & {
  hour: number;
  minute: number;
  second: number;
};

/** Years accepted from people; anything else is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * "23/8/2026", "05/09/2026", "5-9-2026", "5.9.2026", "ngày 5/9/2026",
 * "ngày 5 tháng 9 năm 2026". Two-digit years are refused (date-format).
 */
export function parseDate(input: string): Result<CalendarDate, DateError> {
  const text = foldVietnamese(input).replace(/[.,]$/, "");
  if (text === "") return fail("date-empty");
  const match =
    /^(?:ngay\s*)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/.exec(text) ??
    /^(?:ngay\s*)?(\d{1,2})\s+(thang)\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})$/.exec(text);
  if (match === null) return fail("date-format");
  const date = { day: Number(match[1]), month: Number(match[3]), year: Number(match[4]) };
  if (date.year < MIN_YEAR || date.year > MAX_YEAR || !isValidDate(date)) {
    return fail("date-invalid");
  }
  return ok({ year: date.year, month: date.month, day: date.day });
}

/** "3/2027", "03/2027", "tháng 3/2027", "thang 3 nam 2027", "T3/2027", "3-2027". */
export function parseMonth(input: string): Result<CalendarMonth, MonthError> {
  const text = foldVietnamese(input).replace(/[.,]$/, "");
  if (text === "") return fail("month-empty");
  const match = /^(?:thang|t)?\s*(\d{1,2})\s*(?:[/.-]|,?\s*nam|\s)\s*(\d{4})$/.exec(text);
  if (match === null) return fail("month-format");
  const month = Number(match[1]);
  const year = Number(match[2]);
  if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) return fail("month-invalid");
  return ok({ year, month });
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareMonths(a: CalendarMonth, b: CalendarMonth): number {
  return a.year !== b.year ? a.year - b.year : a.month - b.month;
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return compareMonths(a, b) || a.day - b.day;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** { year: 2027, month: 3 } → "03/2027". */
export function formatMonth({ year, month }: CalendarMonth): string {
  return `${pad2(month)}/${year}`;
}

/** { year: 2026, month: 9, day: 5 } → "05/09/2026". */
export function formatDate({ year, month, day }: CalendarDate): string {
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock date and time of an instant in a time zone (IANA name). */
export function localParts(date: Date, timeZone: string): LocalDateTime {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? Number.NaN,
    month: values.month ?? Number.NaN,
    day: values.day ?? Number.NaN,
    hour: (values.hour ?? Number.NaN) % 24,
    minute: values.minute ?? Number.NaN,
    second: values.second ?? Number.NaN,
  };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which the wall clock of a time zone shows the given date
 * and time (00:00:00 when no time is given).
 */
export function zonedDateToUtc(
  parts: CalendarDate & { hour?: number; minute?: number; second?: number; millisecond?: number },
  timeZone: string,
): Date {
  const wall = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
    parts.millisecond ?? 0,
  );
  let instant = wall - offsetAt(wall, timeZone);
  // Near a daylight-saving change the offset at the guess can differ.
  const corrected = wall - offsetAt(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}
