import { describe, expect, it } from "vitest";
import {
  compareDates,
  compareMonths,
  type DateError,
  formatDate,
  formatMonth,
  localParts,
  type MonthError,
  parseDate,
  parseMonth,
  zonedDateToUtc,
} from "../../src/domain/dates.ts";

const VN = "Asia/Ho_Chi_Minh";

describe("parseDate accepts", () => {
  it.each<[string, number, number, number]>([
    ["23/8/2026", 2026, 8, 23],
    ["05/09/2026", 2026, 9, 5],
    ["5/9/2026", 2026, 9, 5],
    ["5-9-2026", 2026, 9, 5],
    ["5.9.2026", 2026, 9, 5],
    ["05.09.2026", 2026, 9, 5],
    ["ngày 5/9/2026", 2026, 9, 5],
    ["Ngày 05/09/2026", 2026, 9, 5],
    ["ngay 5/9/2026", 2026, 9, 5],
    ["ngày 5 tháng 9 năm 2026", 2026, 9, 5],
    ["ngay 5 thang 9 nam 2026", 2026, 9, 5],
    ["5 / 9 / 2026", 2026, 9, 5],
    [" 31/12/2026 ", 2026, 12, 31],
    ["29/02/2028", 2028, 2, 29],
    ["29/2/2000", 2000, 2, 29],
    ["1/1/1990", 1990, 1, 1],
    ["30/4/1975", 1975, 4, 30],
    ["31/10/2026.", 2026, 10, 31],
  ])("%s", (input, year, month, day) => {
    expect(parseDate(input)).toEqual({ ok: true, value: { year, month, day } });
  });
});

describe("parseDate refuses", () => {
  it.each<[string, DateError]>([
    ["", "date-empty"],
    ["  ", "date-empty"],
    ["hôm qua", "date-format"],
    ["5/9/26", "date-format"],
    ["05/09/26", "date-format"],
    ["2026-09-05", "date-format"],
    ["5/9", "date-format"],
    ["9/2026", "date-format"],
    ["5/9-2026", "date-format"],
    ["5//9/2026", "date-format"],
    ["123/9/2026", "date-format"],
    ["31/02/2026", "date-invalid"],
    ["29/02/2026", "date-invalid"],
    ["29/2/1900", "date-invalid"],
    ["31/4/2026", "date-invalid"],
    ["0/5/2026", "date-invalid"],
    ["5/13/2026", "date-invalid"],
    ["5/0/2026", "date-invalid"],
    ["32/1/2026", "date-invalid"],
    ["1/1/1800", "date-invalid"],
    ["1/1/2999", "date-invalid"],
  ])("%s → %s", (input, error) => {
    expect(parseDate(input)).toEqual({ ok: false, error });
  });
});

describe("parseMonth", () => {
  it.each<[string, number, number]>([
    ["3/2027", 2027, 3],
    ["03/2027", 2027, 3],
    ["tháng 3/2027", 2027, 3],
    ["Tháng 03/2027", 2027, 3],
    ["thang 3 nam 2027", 2027, 3],
    ["tháng 3 năm 2027", 2027, 3],
    ["tháng 3, năm 2027", 2027, 3],
    ["T3/2027", 2027, 3],
    ["t3/2027", 2027, 3],
    ["T 3/2027", 2027, 3],
    ["3-2027", 2027, 3],
    ["3.2027", 2027, 3],
    ["12/2026", 2026, 12],
    ["tháng 12 2026", 2026, 12],
  ])("%s", (input, year, month) => {
    expect(parseMonth(input)).toEqual({ ok: true, value: { year, month } });
  });

  it.each<[string, MonthError]>([
    ["", "month-empty"],
    ["tháng ba", "month-format"],
    ["3/27", "month-format"],
    ["2027", "month-format"],
    ["32027", "month-format"],
    ["5/9/2026", "month-format"],
    ["13/2027", "month-invalid"],
    ["0/2027", "month-invalid"],
    ["tháng 13/2027", "month-invalid"],
    ["3/1850", "month-invalid"],
  ])("%s → %s", (input, error) => {
    expect(parseMonth(input)).toEqual({ ok: false, error });
  });
});

describe("comparing and formatting", () => {
  it.each<[{ year: number; month: number }, { year: number; month: number }, number]>([
    [{ year: 2027, month: 3 }, { year: 2027, month: 3 }, 0],
    [{ year: 2027, month: 3 }, { year: 2027, month: 4 }, -1],
    [{ year: 2027, month: 12 }, { year: 2028, month: 1 }, -1],
    [{ year: 2028, month: 1 }, { year: 2027, month: 12 }, 1],
  ])("compareMonths(%o, %o) has the sign %i", (a, b, sign) => {
    expect(Math.sign(compareMonths(a, b))).toBe(sign);
  });

  it("sorts months", () => {
    const months = [
      { year: 2027, month: 3 },
      { year: 2026, month: 12 },
      { year: 2027, month: 1 },
    ];
    expect(months.sort(compareMonths).map(formatMonth)).toEqual(["12/2026", "01/2027", "03/2027"]);
  });

  it("compares dates", () => {
    expect(
      compareDates({ year: 2026, month: 9, day: 5 }, { year: 2026, month: 9, day: 6 }),
    ).toBeLessThan(0);
    expect(compareDates({ year: 2026, month: 9, day: 5 }, { year: 2026, month: 9, day: 5 })).toBe(
      0,
    );
    expect(
      compareDates({ year: 2027, month: 1, day: 1 }, { year: 2026, month: 12, day: 31 }),
    ).toBeGreaterThan(0);
  });

  it.each<[number, number, number, string]>([
    [2026, 9, 5, "05/09/2026"],
    [2026, 8, 23, "23/08/2026"],
    [2026, 12, 31, "31/12/2026"],
  ])("formatDate %i-%i-%i → %s", (year, month, day, text) => {
    expect(formatDate({ year, month, day })).toBe(text);
    expect(parseDate(text)).toEqual({ ok: true, value: { year, month, day } });
  });

  it.each<[number, number, string]>([
    [2027, 3, "03/2027"],
    [2026, 12, "12/2026"],
  ])("formatMonth %i-%i → %s", (year, month, text) => {
    expect(formatMonth({ year, month })).toBe(text);
    expect(parseMonth(text)).toEqual({ ok: true, value: { year, month } });
  });
});

describe("time zones", () => {
  it.each<[string, string, [number, number, number, number, number]]>([
    ["2026-11-23T00:00:00Z", VN, [2026, 11, 23, 7, 0]],
    ["2026-10-31T16:59:59Z", VN, [2026, 10, 31, 23, 59]],
    ["2026-10-31T17:00:00Z", VN, [2026, 11, 1, 0, 0]],
    ["2026-12-31T17:30:00Z", VN, [2027, 1, 1, 0, 30]],
    ["2026-12-31T16:59:00Z", VN, [2026, 12, 31, 23, 59]],
    ["2026-07-01T12:00:00Z", "Europe/Paris", [2026, 7, 1, 14, 0]],
    ["2026-01-01T12:00:00Z", "Europe/Paris", [2026, 1, 1, 13, 0]],
    ["2026-01-01T00:00:00Z", "UTC", [2026, 1, 1, 0, 0]],
  ])("localParts(%s, %s)", (iso, zone, [year, month, day, hour, minute]) => {
    expect(localParts(new Date(iso), zone)).toMatchObject({ year, month, day, hour, minute });
  });

  it.each<[Parameters<typeof zonedDateToUtc>[0], string, string]>([
    [
      { year: 2026, month: 10, day: 31, hour: 23, minute: 59, second: 59 },
      VN,
      "2026-10-31T16:59:59.000Z",
    ],
    [{ year: 2026, month: 11, day: 1 }, VN, "2026-10-31T17:00:00.000Z"],
    [{ year: 2027, month: 1, day: 1, hour: 0, minute: 30 }, VN, "2026-12-31T17:30:00.000Z"],
    [{ year: 2026, month: 7, day: 1, hour: 14 }, "Europe/Paris", "2026-07-01T12:00:00.000Z"],
    [{ year: 2026, month: 1, day: 1, hour: 13 }, "Europe/Paris", "2026-01-01T12:00:00.000Z"],
    [{ year: 2026, month: 3, day: 29, hour: 12 }, "Europe/Paris", "2026-03-29T10:00:00.000Z"],
    [{ year: 2026, month: 1, day: 1 }, "UTC", "2026-01-01T00:00:00.000Z"],
  ])("zonedDateToUtc(%o, %s) → %s", (parts, zone, iso) => {
    expect(zonedDateToUtc(parts, zone).toISOString()).toBe(iso);
  });

  it("round-trips every hour of a year in Ho Chi Minh City", () => {
    for (let hour = 0; hour < 24 * 366; hour += 7) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
      const parts = localParts(instant, VN);
      expect(zonedDateToUtc(parts, VN).getTime()).toBe(instant.getTime());
    }
  });
});
