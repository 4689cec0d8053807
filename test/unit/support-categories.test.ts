import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/data/load-province.ts";
import type { Province } from "../../src/domain/province.ts";
import {
  capFor,
  checkSupportCaps,
  isSupportCategoryId,
  SUPPORT_CATEGORIES,
  SUPPORT_CATEGORY_IDS,
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

describe("checkSupportCaps for machinery in Lạng Sơn (50%, 300 triệu)", () => {
  it.each<[string, bigint, bigint, string[]]>([
    ["half of 400 triệu", 400n * TRIEU, 200n * TRIEU, []],
    ["below half", 400n * TRIEU, 150n * TRIEU, []],
    ["exactly 300 triệu of 600 triệu", 600n * TRIEU, 300n * TRIEU, []],
    ["one đồng over half", 400n * TRIEU, 200n * TRIEU + 1n, ["over-percent"]],
    ["60% of 400 triệu", 400n * TRIEU, 240n * TRIEU, ["over-percent"]],
    ["350 triệu of 1 tỷ", 1_000n * TRIEU, 350n * TRIEU, ["over-amount"]],
    ["500 triệu of 800 triệu", 800n * TRIEU, 500n * TRIEU, ["over-percent", "over-amount"]],
    ["all of 100 triệu", 100n * TRIEU, 100n * TRIEU, ["over-percent"]],
    ["nothing requested", 100n * TRIEU, 0n, []],
    ["odd total, floor of half", 1_000_001n, 500_000n, []],
    ["odd total, one over the floor", 1_000_001n, 500_001n, ["over-percent"]],
  ])("%s", (_, totalCost, requested, kinds) => {
    const warnings = checkSupportCaps(langSon, 2027, "machinery", totalCost, requested);
    expect(warnings.map((w) => w.kind)).toEqual(kinds);
  });

  it("gives the largest allowed support, the lower of the two caps", () => {
    const [small] = checkSupportCaps(langSon, 2027, "machinery", 400n * TRIEU, 300n * TRIEU);
    expect(small).toMatchObject({ kind: "over-percent", maxPercent: 50, maxAllowed: 200n * TRIEU });
    const [big, amount] = checkSupportCaps(
      langSon,
      2027,
      "machinery",
      1_500n * TRIEU,
      1_000n * TRIEU,
    );
    expect(big).toMatchObject({ kind: "over-percent", maxPercent: 50, maxAllowed: 300n * TRIEU });
    expect(amount).toMatchObject({ kind: "over-amount", maxAmount: 300n * TRIEU });
    expect(amount?.note).toContain("1,5 lần");
  });

  it("does not apply before the cap's first year or to other categories", () => {
    expect(checkSupportCaps(langSon, 2018, "machinery", 100n * TRIEU, 100n * TRIEU)).toEqual([]);
    expect(checkSupportCaps(langSon, 2027, "training", 100n * TRIEU, 100n * TRIEU)).toEqual([]);
    expect(checkSupportCaps(langSon, 2027, "fairs-showrooms", 10n * TRIEU, 10n * TRIEU)).toEqual(
      [],
    );
  });
});

describe("caps over the years", () => {
  const province: Province = {
    ...langSon,
    supportCaps: [
      {
        category: "machinery",
        fromYear: 2019,
        toYear: 2026,
        maxPercent: 50,
        maxAmount: "300000000",
      },
      { category: "machinery", fromYear: 2027, maxPercent: 70, maxAmount: "500000000" },
      { category: "training", fromYear: 2020, maxAmount: "50000000" },
      { category: "design-trademark", fromYear: 2020, maxPercent: 33.5 },
    ],
  };

  it.each<[number, number | undefined]>([
    [2018, undefined],
    [2019, 50],
    [2026, 50],
    [2027, 70],
    [2030, 70],
  ])("in %i the machinery cap is %s%%", (year, percent) => {
    expect(capFor(province, year, "machinery")?.maxPercent).toBe(percent);
  });

  it("applies the newer cap", () => {
    expect(checkSupportCaps(province, 2027, "machinery", 600n * TRIEU, 400n * TRIEU)).toEqual([]);
    expect(checkSupportCaps(province, 2026, "machinery", 600n * TRIEU, 400n * TRIEU)).toEqual([
      { kind: "over-percent", maxPercent: 50, maxAllowed: 300n * TRIEU },
      { kind: "over-amount", maxAmount: 300n * TRIEU },
    ]);
  });

  it("handles a cap with only an amount, or only a fractional percent", () => {
    expect(checkSupportCaps(province, 2027, "training", 60n * TRIEU, 60n * TRIEU)).toEqual([
      { kind: "over-amount", maxAmount: 50n * TRIEU },
    ]);
    expect(checkSupportCaps(province, 2027, "design-trademark", 100n * TRIEU, 40n * TRIEU)).toEqual(
      [{ kind: "over-percent", maxPercent: 33.5, maxAllowed: 33_500_000n }],
    );
    expect(checkSupportCaps(province, 2027, "design-trademark", 100n * TRIEU, 33_500_000n)).toEqual(
      [],
    );
  });
});
