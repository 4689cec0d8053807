import { describe, expect, it } from "vitest";
import { parseEventDate } from "../../src/domain/event-dates.ts";
import { buildIcs, escapeIcsText } from "../../src/domain/ics.ts";

/** Sunday 29/11/2026. */
const today = { year: 2026, month: 11, day: 29 };
const date = (year: number, month: number, day: number) => ({
  ok: true,
  value: { year, month, day },
});

describe("parseEventDate", () => {
  it.each([
    ["15/3", date(2027, 3, 15)],
    ["15-3-2027", date(2027, 3, 15)],
    ["15.12", date(2026, 12, 15)],
    ["29/11", date(2026, 11, 29)],
    ["ngày 5/12/2026", date(2026, 12, 5)],
    ["hôm nay", date(2026, 11, 29)],
    ["ngày mai", date(2026, 11, 30)],
    ["thứ 2", date(2026, 11, 30)],
    ["thứ sáu", date(2026, 12, 4)],
    ["Thứ 6 tuần sau", date(2026, 12, 4)],
    ["thu 7 tuan toi", date(2026, 12, 5)],
    ["chủ nhật", date(2026, 12, 6)],
    ["chủ nhật tuần này", date(2026, 11, 29)],
  ])("%s → %o", (input, expected) => {
    expect(parseEventDate(input, today)).toEqual(expected);
  });

  it.each([
    ["30/2", "event-date-invalid"],
    ["mai kia", "event-date-invalid"],
    ["", "event-date-invalid"],
    ["1/1/2026", "event-date-past"],
    ["thứ 2 tuần này", "event-date-past"],
  ])("%s is refused: %s", (input, error) => {
    expect(parseEventDate(input, today)).toEqual({ ok: false, error });
  });

  it("on a Wednesday, 'thứ 6' is this week's Friday and 'thứ 6 tuần sau' the next", () => {
    const wednesday = { year: 2026, month: 12, day: 2 };
    expect(parseEventDate("thứ 6", wednesday)).toEqual(date(2026, 12, 4));
    expect(parseEventDate("thứ 6 tuần sau", wednesday)).toEqual(date(2026, 12, 11));
  });
});

describe("buildIcs", () => {
  it("writes an all-day event over its days, escaped and folded", () => {
    const ics = buildIcs({
      uid: "event-7-r2@khuyen-cong-bot",
      title: "Hội chợ hàng công nghiệp nông thôn tiêu biểu, Lạng Sơn; năm 2026",
      location: "Quảng trường 17/10, TP Lạng Sơn",
      description: "Dòng một\nDòng hai",
      starts: { year: 2026, month: 12, day: 31 },
      ends: { year: 2027, month: 1, day: 2 },
      stamp: new Date("2026-11-29T10:00:00.123Z"),
    });
    const lines = ics.split("\r\n");
    expect(lines).toContain("DTSTART;VALUE=DATE:20261231");
    expect(lines).toContain("DTEND;VALUE=DATE:20270103");
    expect(lines).toContain("DTSTAMP:20261129T100000Z");
    expect(lines).toContain("UID:event-7-r2@khuyen-cong-bot");
    expect(ics.replace(/\r\n /g, "")).toContain(
      "SUMMARY:Hội chợ hàng công nghiệp nông thôn tiêu biểu\\, Lạng Sơn\\; năm 2026",
    );
    expect(ics).toContain("DESCRIPTION:Dòng một\\nDòng hai");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("escapes backslashes first", () => {
    expect(escapeIcsText("a\\b,c")).toBe("a\\\\b\\,c");
  });
});
