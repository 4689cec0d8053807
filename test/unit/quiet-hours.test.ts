import { describe, expect, it } from "vitest";
import {
  isQuiet,
  minutesOfDay,
  nextAllowedInstant,
  quietDurationMinutes,
  quietState,
} from "../../src/domain/quiet-hours.ts";

const HCM = "Asia/Ho_Chi_Minh";
const NIGHT = { start: "21:00", end: "07:00" };

/** An instant given as Vietnam wall-clock time (UTC+7, no daylight saving). */
const vn = (local: string): Date => new Date(`${local}+07:00`);

describe("quiet hours 21:00–07:00 in Asia/Ho_Chi_Minh", () => {
  it.each([
    ["2026-11-23T20:59:59", false],
    ["2026-11-23T21:00:00", true],
    ["2026-11-23T23:30:00", true],
    ["2026-11-24T00:00:00", true],
    ["2026-11-24T06:59:59", true],
    ["2026-11-24T07:00:00", false],
    ["2026-11-24T12:00:00", false],
  ])("%s quiet: %s", (local, quiet) => {
    expect(isQuiet(vn(local), HCM, NIGHT)).toBe(quiet);
  });

  it("in the evening, ends at 07:00 the next morning", () => {
    expect(quietState(vn("2026-11-23T22:15:00"), HCM, NIGHT)).toEqual({
      quiet: true,
      endsAt: vn("2026-11-24T07:00:00"),
    });
  });

  it("after midnight, ends at 07:00 the same morning", () => {
    expect(quietState(vn("2026-11-24T03:00:00"), HCM, NIGHT)).toEqual({
      quiet: true,
      endsAt: vn("2026-11-24T07:00:00"),
    });
  });

  it("across a month and a year end", () => {
    expect(nextAllowedInstant(vn("2026-12-31T23:59:00"), HCM, NIGHT)).toEqual(
      vn("2027-01-01T07:00:00"),
    );
    expect(nextAllowedInstant(vn("2028-02-28T21:00:00"), HCM, NIGHT)).toEqual(
      vn("2028-02-29T07:00:00"),
    );
  });

  it("by day the instant itself is allowed", () => {
    const noon = vn("2026-11-24T12:00:00");
    expect(nextAllowedInstant(noon, HCM, NIGHT)).toBe(noon);
  });

  it("uses the wall clock of the zone, not UTC (21:00 in Vietnam is 14:00 UTC)", () => {
    expect(isQuiet(new Date("2026-11-23T14:00:00Z"), HCM, NIGHT)).toBe(true);
    expect(isQuiet(new Date("2026-11-23T13:59:00Z"), HCM, NIGHT)).toBe(false);
    expect(isQuiet(new Date("2026-11-23T14:00:00Z"), "UTC", NIGHT)).toBe(false);
  });
});

describe("other windows", () => {
  it("a window inside one day (12:00–13:30)", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(isQuiet(vn("2026-11-24T11:59:00"), HCM, lunch)).toBe(false);
    expect(quietState(vn("2026-11-24T12:10:00"), HCM, lunch)).toEqual({
      quiet: true,
      endsAt: vn("2026-11-24T13:30:00"),
    });
    expect(isQuiet(vn("2026-11-24T13:30:00"), HCM, lunch)).toBe(false);
  });

  it("an empty window (start = end) is never quiet", () => {
    expect(isQuiet(vn("2026-11-24T03:00:00"), HCM, { start: "00:00", end: "00:00" })).toBe(false);
  });

  it("a window ending at midnight", () => {
    const late = { start: "22:00", end: "00:00" };
    expect(quietState(vn("2026-11-24T23:00:00"), HCM, late)).toEqual({
      quiet: true,
      endsAt: vn("2026-11-25T00:00:00"),
    });
    expect(isQuiet(vn("2026-11-25T00:00:00"), HCM, late)).toBe(false);
  });

  it("across a daylight-saving change (Europe/Berlin, 29 March 2026)", () => {
    // 02:00 → 03:00: the night is an hour shorter, 07:00 is still 07:00 local
    const state = quietState(new Date("2026-03-29T00:30:00Z"), "Europe/Berlin", NIGHT);
    expect(state).toEqual({ quiet: true, endsAt: new Date("2026-03-29T05:00:00Z") });
  });

  it("durations", () => {
    expect(quietDurationMinutes(NIGHT)).toBe(600);
    expect(quietDurationMinutes({ start: "12:00", end: "13:30" })).toBe(90);
    expect(quietDurationMinutes({ start: "07:00", end: "07:00" })).toBe(0);
  });

  it("refuses a time that is not HH:MM", () => {
    expect(minutesOfDay("7:05")).toBe(425);
    expect(() => minutesOfDay("25:00")).toThrow(RangeError);
    expect(() => minutesOfDay("seven")).toThrow(RangeError);
  });
});
