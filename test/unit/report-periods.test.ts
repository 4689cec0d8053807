import { describe, expect, it } from "vitest";
import {
  addDays,
  dailyDigestPeriod,
  daysBetween,
  waitedLongerThan,
  weekday,
  weeklyDigestPeriod,
} from "../../src/domain/report-periods.ts";

const ZONE = "Asia/Ho_Chi_Minh";
const vn = (local: string) => new Date(`${local}+07:00`);

describe("dailyDigestPeriod", () => {
  it("is not due before the digest time", () => {
    expect(dailyDigestPeriod(vn("2026-11-24T07:29:59"), ZONE, "07:30")).toBeUndefined();
  });

  it("covers yesterday's digest time to today's, whenever it runs that day", () => {
    const expected = {
      key: "2026-11-24",
      since: vn("2026-11-23T07:30:00"),
      until: vn("2026-11-24T07:30:00"),
    };
    expect(dailyDigestPeriod(vn("2026-11-24T07:30:00"), ZONE, "07:30")).toEqual(expected);
    expect(dailyDigestPeriod(vn("2026-11-24T23:59:00"), ZONE, "07:30")).toEqual(expected);
  });

  it("goes by the local day, across a month and a year", () => {
    // 00:15 on 1/1 in Vietnam is still 31/12 in UTC
    expect(dailyDigestPeriod(vn("2027-01-01T00:15:00"), ZONE, "00:00")).toEqual({
      key: "2027-01-01",
      since: vn("2026-12-31T00:00:00"),
      until: vn("2027-01-01T00:00:00"),
    });
  });
});

describe("weeklyDigestPeriod", () => {
  it("is due on Mondays from the digest time, over the seven days before", () => {
    expect(weeklyDigestPeriod(vn("2026-11-30T08:00:00"), ZONE, "07:30")).toEqual({
      key: "2026-11-30",
      since: vn("2026-11-23T07:30:00"),
      until: vn("2026-11-30T07:30:00"),
    });
    expect(weeklyDigestPeriod(vn("2026-11-30T07:00:00"), ZONE, "07:30")).toBeUndefined();
    expect(weeklyDigestPeriod(vn("2026-12-01T08:00:00"), ZONE, "07:30")).toBeUndefined();
  });
});

describe("calendar helpers", () => {
  it("adds days across months and leap years, and names weekdays", () => {
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
    expect(addDays({ year: 2027, month: 1, day: 1 }, -1)).toEqual({
      year: 2026,
      month: 12,
      day: 31,
    });
    expect(weekday({ year: 2026, month: 11, day: 30 })).toBe(1);
    expect(weekday({ year: 2026, month: 11, day: 29 })).toBe(0);
  });

  it("counts whole days waited, never negative", () => {
    const now = vn("2026-11-24T07:30:00");
    expect(daysBetween(vn("2026-11-14T08:00:00"), now)).toBe(9);
    expect(daysBetween(vn("2026-11-25T08:00:00"), now)).toBe(0);
    expect(waitedLongerThan(now, 7)).toEqual(vn("2026-11-17T07:30:00"));
  });
});
