import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import { registrationWindow } from "../../src/domain/plan-year.ts";
import type { Province } from "../../src/domain/province.ts";

const VN = "Asia/Ho_Chi_Minh";
const langSon = loadProvince("lang-son");

/** A local time in Vietnam (UTC+7) as an instant. */
const vn = (local: string): Date => new Date(`${local}+07:00`);

describe("registrationWindow with the 31/10 deadline", () => {
  it.each<[string, number]>([
    ["2026-11-23T10:00:00", 2028],
    ["2026-01-01T00:00:00", 2027],
    ["2026-06-15T12:00:00", 2027],
    ["2026-10-30T23:59:59", 2027],
    ["2026-10-31T00:00:00", 2027],
    ["2026-10-31T23:00:00", 2027],
    ["2026-10-31T23:59:59", 2027],
    ["2026-11-01T00:00:00", 2028],
    ["2026-11-01T00:00:01", 2028],
    ["2026-11-30T12:00:00", 2028],
    ["2026-12-31T23:59:59", 2028],
    ["2027-01-01T00:00:00", 2028],
    ["2027-10-31T20:00:00", 2028],
    ["2027-11-01T08:00:00", 2029],
  ])("at %s local → plan year %i", (local, planYear) => {
    expect(registrationWindow(vn(local), langSon, VN).planYear).toBe(planYear);
  });

  it("says which plan year closed this year, and when, once past this year's deadline", () => {
    const lateNovember = registrationWindow(vn("2026-11-29T09:00:00"), langSon, VN);
    expect(lateNovember.planYear).toBe(2028);
    expect(lateNovember.closed?.planYear).toBe(2027);
    expect(lateNovember.closed?.registrationDeadline.toISOString()).toBe(
      "2026-10-31T16:59:59.000Z",
    );
    expect(registrationWindow(vn("2027-01-05T09:00:00"), langSon, VN).closed).toBeUndefined();
    expect(registrationWindow(vn("2026-10-31T23:59:59"), langSon, VN).closed).toBeUndefined();
    expect(registrationWindow(vn("2026-11-01T00:00:00"), langSon, VN).closed?.planYear).toBe(2027);
  });

  it("uses the local day, not the UTC day", () => {
    // 31/10 20:00 UTC is already 1/11 03:00 in Vietnam.
    expect(registrationWindow(new Date("2026-10-31T20:00:00Z"), langSon, VN).planYear).toBe(2028);
    // 31/10 16:00 UTC is 31/10 23:00 in Vietnam.
    expect(registrationWindow(new Date("2026-10-31T16:00:00Z"), langSon, VN).planYear).toBe(2027);
    // Across New Year: 31/12 18:00 UTC is 1/1/2027 01:00 in Vietnam.
    expect(registrationWindow(new Date("2026-12-31T18:00:00Z"), langSon, VN).planYear).toBe(2028);
    // In UTC itself the same instant is still 31/10.
    expect(registrationWindow(new Date("2026-10-31T20:00:00Z"), langSon, "UTC").planYear).toBe(
      2027,
    );
  });

  it("returns the deadlines at 23:59:59 local of the year before the plan year", () => {
    const today = registrationWindow(vn("2026-11-23T10:00:00"), langSon, VN);
    expect(today.registrationDeadline.toISOString()).toBe("2027-10-31T16:59:59.000Z");
    expect(today.planSubmissionDeadline.toISOString()).toBe("2027-11-30T16:59:59.000Z");
    const lastEvening = registrationWindow(vn("2026-10-31T23:00:00"), langSon, VN);
    expect(lastEvening.registrationDeadline.toISOString()).toBe("2026-10-31T16:59:59.000Z");
    expect(lastEvening.planSubmissionDeadline.toISOString()).toBe("2026-11-30T16:59:59.000Z");
  });

  it("the deadline instant is still open, one second later is not", () => {
    const { registrationDeadline, planYear } = registrationWindow(
      vn("2026-03-01T09:00:00"),
      langSon,
      VN,
    );
    expect(registrationWindow(registrationDeadline, langSon, VN).planYear).toBe(planYear);
    const after = new Date(registrationDeadline.getTime() + 1000);
    expect(registrationWindow(after, langSon, VN).planYear).toBe(planYear + 1);
  });
});

describe("registrationWindow with other deadlines", () => {
  const withDeadline = (month: number, day: number): Province => ({
    ...langSon,
    registrationDeadline: { month, day },
  });

  it.each<[number, number, string, number]>([
    [9, 30, "2026-09-30T22:00:00", 2027],
    [9, 30, "2026-10-01T01:00:00", 2028],
    [12, 31, "2026-12-31T23:59:00", 2027],
    [12, 31, "2027-01-01T00:00:00", 2028],
    [1, 15, "2026-01-15T12:00:00", 2027],
    [1, 15, "2026-01-16T00:00:00", 2028],
    [2, 29, "2027-02-28T23:00:00", 2028],
    [2, 29, "2027-03-01T00:00:00", 2029],
    [2, 29, "2028-02-29T12:00:00", 2029],
  ])("deadline %i/%i at %s local → %i", (month, day, local, planYear) => {
    expect(registrationWindow(vn(local), withDeadline(month, day), VN).planYear).toBe(planYear);
  });

  it("a 29/02 deadline in a common year ends on 28/02", () => {
    const window = registrationWindow(vn("2027-01-10T00:00:00"), withDeadline(2, 29), VN);
    expect(window.planYear).toBe(2028);
    expect(window.registrationDeadline.toISOString()).toBe("2027-02-28T16:59:59.000Z");
  });
});
