/**
 * Dates as an officer types them for an event: "15/3" (the coming 15/3),
 * "15-3-2027", "15/3/2027", "hôm nay", "ngày mai", "thứ 6", "thứ 6 tuần
 * sau", "chủ nhật tuần này". Pure: the caller gives today's local date.
 */
import { type CalendarDate, compareDates, isValidDate, parseDate } from "./dates.ts";
import { dayNumber } from "./reminder-plan.ts";
import { fail, ok, type Result } from "./result.ts";
import { foldVietnamese } from "./text.ts";

export type EventDateError = "event-date-invalid" | "event-date-past";

const fromDayNumber = (days: number): CalendarDate => {
  const date = new Date(days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** Monday = 0 … Sunday = 6 */
const weekdayIndex = (date: CalendarDate): number => (dayNumber(date) + 3) % 7;

const WEEKDAYS: Record<string, number> = {
  "2": 0,
  hai: 0,
  "3": 1,
  ba: 1,
  "4": 2,
  tu: 2,
  "5": 3,
  nam: 3,
  "6": 4,
  sau: 4,
  "7": 5,
  bay: 5,
};

export function parseEventDate(
  input: string,
  today: CalendarDate,
): Result<CalendarDate, EventDateError> {
  const text = foldVietnamese(input).replace(/[.,]$/, "").replace(/\s+/g, " ").trim();
  const full = parseDate(input);
  let date: CalendarDate | undefined;
  if (full.ok) date = full.value;
  else if (text === "hom nay") date = today;
  else if (text === "ngay mai" || text === "mai") date = fromDayNumber(dayNumber(today) + 1);
  else {
    const short = /^(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(text);
    if (short) {
      const candidate = { year: today.year, month: Number(short[2]), day: Number(short[1]) };
      if (!isValidDate(candidate)) return fail("event-date-invalid");
      date =
        compareDates(candidate, today) < 0 ? { ...candidate, year: today.year + 1 } : candidate;
    } else {
      const weekday =
        /^(?:(thu) (2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|(chu nhat|cn))(?: (tuan nay|tuan sau|tuan toi))?$/.exec(
          text,
        );
      if (!weekday) return fail("event-date-invalid");
      const target = weekday[3] ? 6 : (WEEKDAYS[weekday[2] ?? ""] ?? 0);
      const monday = dayNumber(today) - weekdayIndex(today);
      const week = weekday[4];
      let days: number;
      if (week === "tuan sau" || week === "tuan toi") days = monday + 7 + target;
      else if (week === "tuan nay") days = monday + target;
      else {
        days = monday + target;
        if (days <= dayNumber(today)) days += 7;
      }
      date = fromDayNumber(days);
    }
  }
  if (!date || !isValidDate(date)) return fail("event-date-invalid");
  if (compareDates(date, today) < 0) return fail("event-date-past");
  return ok(date);
}
