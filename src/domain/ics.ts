/**
 * An event as an iCalendar file (RFC 5545), so an owner can add it to the
 * phone's calendar: an all-day event over its days. Pure.
 */
import type { CalendarDate } from "./dates.ts";
import { dayNumber } from "./reminder-plan.ts";

export interface IcsEvent {
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  starts: CalendarDate;
  /** the last day (inclusive); default the first */
  ends?: CalendarDate | null;
  /** when the file was made (DTSTAMP) */
  stamp: Date;
}

const compact = ({ year, month, day }: CalendarDate): string =>
  `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;

/** Commas, semicolons, backslashes and newlines escaped as RFC 5545 §3.3.11 says. */
export const escapeIcsText = (text: string): string =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

/** Lines longer than 75 octets are folded (a space starts each continuation). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const char of line) {
    if (Buffer.byteLength(current + char, "utf8") > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
    }
    current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function buildIcs(event: IcsEvent): string {
  const last = event.ends ?? event.starts;
  const dayAfter = new Date((dayNumber(last) + 1) * 86_400_000);
  const end = {
    year: dayAfter.getUTCFullYear(),
    month: dayAfter.getUTCMonth() + 1,
    day: dayAfter.getUTCDate(),
  };
  const stamp = event.stamp
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//khuyen-cong-bot//calendar//VI",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compact(event.starts)}`,
    `DTEND;VALUE=DATE:${compact(end)}`,
    `SUMMARY:${escapeIcsText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
