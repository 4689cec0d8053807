import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import type { Province } from "../../src/domain/province.ts";
import {
  capFor,
  checkSupportCap,
  isSupportCategoryId,
  percentOf,
  SUPPORT_CATEGORIES,
  SUPPORT_CATEGORY_IDS,
  supportLimit,
} from "../../src/domain/support-categories.ts";

const TRIEU = 1_000_000n;
const langSon = loadProvince("lang-son");

describe("support categories", () => {
  it("are the 11 categories numbered 1 to 11", () => {
    expect(SUPPORT_CATEGORIES).toHaveLength(11);
    expect(SUPPORT_CATEGORIES.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(SUPPORT_CATEGORIES.find((c) => c.number === 4)?.id).toBe("machinery");
    expect(new Set(SUPPORT_CATEGORY_IDS).size).toBe(11);
    for (const id of SUPPORT_CATEGORY_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each<[string, boolean]>([
    ["machinery", true],
    ["training", true],
    ["information", true],
    ["Machinery", false],
    ["may-moc", false],
    ["", false],
  ])("isSupportCategoryId(%s) = %s", (value, expected) => {
    expect(isSupportCategoryId(value)).toBe(expected);
  });
});

describe("checkSupportCap for machinery in Lạng Sơn (national: 50%, 300 triệu)", () => {
  it.each<[string, bigint, bigint, bigint | undefined]>([
    ["half of 400 triệu", 400n * TRIEU, 200n * TRIEU, undefined],
    ["below half", 400n * TRIEU, 150n * TRIEU, undefined],
    ["exactly 300 triệu of 600 triệu", 600n * TRIEU, 300n * TRIEU, undefined],
    ["one đồng over half", 400n * TRIEU, 200n * TRIEU + 1n, 200n * TRIEU],
    ["60% of 400 triệu", 400n * TRIEU, 240n * TRIEU, 200n * TRIEU],
    ["350 triệu of 1 tỷ", 1_000n * TRIEU, 350n * TRIEU, 300n * TRIEU],
    ["900 triệu of 2 tỷ", 2_000n * TRIEU, 900n * TRIEU, 300n * TRIEU],
    ["500 triệu of 800 triệu", 800n * TRIEU, 500n * TRIEU, 300n * TRIEU],
    ["all of 100 triệu", 100n * TRIEU, 100n * TRIEU, 50n * TRIEU],
    ["nothing requested", 100n * TRIEU, 0n, undefined],
    ["odd total, floor of half", 1_000_001n, 500_000n, undefined],
    ["odd total, one over the floor", 1_000_001n, 500_001n, 500_000n],
  ])("%s", (_, totalCost, requested, limit) => {
    const excess = checkSupportCap(langSon, 2027, "machinery", "national", totalCost, requested);
    expect(excess?.limit).toBe(limit);
  });

  it("states the rule: percent, amount per establishment, a complete line at 1,5 times, national", () => {
    const excess = checkSupportCap(
      langSon,
      2027,
      "machinery",
      "national",
      1_000n * TRIEU,
      350n * TRIEU,
    );
    expect(excess).toMatchObject({
      basis: "national",
      maxPercent: 50,
      maxAmount: 300n * TRIEU,
      lineMaxAmount: 450n * TRIEU,
      limit: 300n * TRIEU,
      // the 1,5 times of a complete line is not confirmed
      confirmed: false,
    });
  });

  it("compares a local request with the national cap while the province has none, and says so", () => {
    const excess = checkSupportCap(
      langSon,
      2027,
      "machinery",
      "local",
      1_000n * TRIEU,
      350n * TRIEU,
    );
    expect(excess).toMatchObject({ basis: "local-by-national", limit: 300n * TRIEU });
    const noFallback: Province = {
      ...langSon,
      provinceChoices: {
        ...langSon.provinceChoices,
        localCapsFollowNational: { value: false, confirmed: true },
      },
    };
    expect(capFor(noFallback, 2027, "machinery", "local")).toBeUndefined();
    expect(capFor(noFallback, 2027, "machinery", "national")?.basis).toBe("national");
  });

  it("does not apply before the cap's first year or to other categories", () => {
    for (const stream of ["local", "national"] as const) {
      expect(
        checkSupportCap(langSon, 2018, "machinery", stream, 100n * TRIEU, 100n * TRIEU),
      ).toBeUndefined();
      expect(
        checkSupportCap(langSon, 2027, "training", stream, 100n * TRIEU, 100n * TRIEU),
      ).toBeUndefined();
    }
  });
});

describe("caps over the years, and local caps told apart from national ones", () => {
  const cap = (fields: Record<string, unknown>) =>
    ({ confirmed: true, ...fields }) as Province["nationalRules"]["supportCaps"][number];
  const province: Province = {
    ...langSon,
    nationalRules: {
      ...langSon.nationalRules,
      supportCaps: [
        cap({
          category: "machinery",
          fromYear: 2019,
          toYear: 2026,
          maxPercent: 50,
          maxAmount: "300000000",
        }),
        cap({ category: "machinery", fromYear: 2027, maxPercent: 70, maxAmount: "500000000" }),
        cap({ category: "training", fromYear: 2020, maxAmount: "50000000" }),
        cap({ category: "design-trademark", fromYear: 2020, maxPercent: 33.5 }),
      ],
    },
    provinceChoices: {
      ...langSon.provinceChoices,
      localSupportCaps: [
        cap({ category: "machinery", fromYear: 2025, maxPercent: 30, maxAmount: "200000000" }),
      ],
    },
  };

  it.each<[number, number | undefined]>([
    [2018, undefined],
    [2019, 50],
    [2026, 50],
    [2027, 70],
    [2030, 70],
  ])("in %i the national machinery cap is %s%%", (year, percent) => {
    expect(capFor(province, year, "machinery", "national")?.maxPercent).toBe(percent);
  });

  it("uses the province's own cap for a local request", () => {
    expect(capFor(province, 2027, "machinery", "local")).toMatchObject({
      basis: "local",
      maxPercent: 30,
      maxAmount: 200n * TRIEU,
    });
    expect(
      checkSupportCap(province, 2027, "machinery", "local", 600n * TRIEU, 190n * TRIEU)?.limit,
    ).toBe(180n * TRIEU);
    expect(
      checkSupportCap(province, 2027, "machinery", "national", 600n * TRIEU, 190n * TRIEU),
    ).toBeUndefined();
  });

  it("applies the newer cap", () => {
    expect(
      checkSupportCap(province, 2027, "machinery", "national", 600n * TRIEU, 400n * TRIEU),
    ).toBeUndefined();
    expect(
      checkSupportCap(province, 2026, "machinery", "national", 600n * TRIEU, 400n * TRIEU)?.limit,
    ).toBe(300n * TRIEU);
  });

  it("handles a cap with only an amount, or only a fractional percent", () => {
    const training = capFor(province, 2027, "training", "national");
    expect(training && supportLimit(training, 60n * TRIEU)).toBe(50n * TRIEU);
    expect(
      checkSupportCap(province, 2027, "design-trademark", "national", 100n * TRIEU, 40n * TRIEU)
        ?.limit,
    ).toBe(33_500_000n);
    expect(
      checkSupportCap(province, 2027, "design-trademark", "national", 100n * TRIEU, 33_500_000n),
    ).toBeUndefined();
    expect(percentOf(1_000_001n, 50)).toBe(500_000n);
  });
});
