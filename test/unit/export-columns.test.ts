import { describe, expect, it } from "vitest";
import {
  amountToNumber,
  ColumnTotals,
  columnWidth,
  type ExportColumn,
  ExportValueError,
  isTotalled,
  normalizeCell,
} from "../../src/services/export/columns.ts";

const HCM = "Asia/Ho_Chi_Minh";
const money: ExportColumn = { key: "requested", header: "Đề nghị hỗ trợ (đồng)", kind: "money" };
const integer: ExportColumn = { key: "workers", header: "Số lao động", kind: "integer" };
const date: ExportColumn = { key: "submittedAt", header: "Ngày nộp", kind: "date" };
const text: ExportColumn = { key: "name", header: "Tên cơ sở", kind: "text" };
const percent: ExportColumn = { key: "share", header: "Tỷ lệ", kind: "percent" };

describe("money cells", () => {
  it.each<[string | number | bigint, bigint]>([
    [1_500_000n, 1_500_000n],
    ["1500000", 1_500_000n],
    [" 250000000 ", 250_000_000n],
    [300_000_000, 300_000_000n],
    ["-5000", -5000n],
    ["999999999999999", 999_999_999_999_999n],
  ])("%s is %s đồng", (value, amount) => {
    expect(normalizeCell(money, value, HCM)).toEqual({
      type: "money",
      amount,
      number: Number(amount),
    });
  });

  it.each<unknown>(["1.500.000", "1,5 tỷ", "", 1.5, Number.NaN, new Date(0)])(
    "%s is refused",
    (value) => {
      expect(() => normalizeCell(money, value as string, HCM)).toThrow(ExportValueError);
    },
  );

  it("leaves null and undefined empty", () => {
    expect(normalizeCell(money, null, HCM)).toEqual({ type: "empty" });
    expect(normalizeCell(money, undefined, HCM)).toEqual({ type: "empty" });
  });

  it("converts exactly up to 2^53 − 1 and refuses anything beyond", () => {
    const largest = 2n ** 53n - 1n;
    expect(amountToNumber(largest)).toBe(Number.MAX_SAFE_INTEGER);
    expect(amountToNumber(-largest)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(() => amountToNumber(largest + 1n)).toThrow(RangeError);
    expect(() => amountToNumber(-largest - 1n)).toThrow(RangeError);
    expect(() => normalizeCell(money, (largest + 1n).toString(), HCM)).toThrow(RangeError);
  });
});

describe("date cells", () => {
  it("takes the calendar day in Việt Nam of an instant", () => {
    // 18:30 UTC on the 4th is 01:30 on the 5th in Hà Nội.
    expect(normalizeCell(date, new Date("2026-09-04T18:30:00Z"), HCM)).toEqual({
      type: "date",
      date: { year: 2026, month: 9, day: 5 },
    });
    expect(normalizeCell(date, new Date("2026-09-04T16:59:59Z"), HCM)).toEqual({
      type: "date",
      date: { year: 2026, month: 9, day: 4 },
    });
  });

  it("takes a calendar day as written", () => {
    expect(normalizeCell(date, "2028-02-29", HCM)).toEqual({
      type: "date",
      date: { year: 2028, month: 2, day: 29 },
    });
  });

  it.each(["2027-02-29", "2026-13-01", "05/09/2026", "2026-09-05T10:00:00Z"])(
    "refuses %s",
    (value) => {
      expect(() => normalizeCell(date, value, HCM)).toThrow(ExportValueError);
    },
  );

  it("refuses an invalid Date", () => {
    expect(() => normalizeCell(date, new Date("nonsense"), HCM)).toThrow(ExportValueError);
  });
});

describe("other cells", () => {
  it("writes numbers in a text column as their digits", () => {
    expect(normalizeCell(text, 4900123456, HCM)).toEqual({ type: "text", text: "4900123456" });
  });

  it("keeps integers exact, with their bigint for sums", () => {
    expect(normalizeCell(integer, 12, HCM)).toEqual({ type: "integer", whole: 12n, number: 12 });
    expect(() => normalizeCell(integer, 2.5, HCM)).toThrow(ExportValueError);
  });

  it("takes a percentage as a finite fraction", () => {
    expect(normalizeCell(percent, 0.496, HCM)).toEqual({ type: "number", number: 0.496 });
    expect(() => normalizeCell(percent, "50%", HCM)).toThrow(ExportValueError);
    expect(() => normalizeCell(percent, Number.POSITIVE_INFINITY, HCM)).toThrow(ExportValueError);
  });
});

describe("column widths", () => {
  it("fit the kind, or the longest header word, or what the spec says", () => {
    expect(columnWidth(money)).toBe(18);
    expect(columnWidth(date)).toBe(12);
    expect(columnWidth({ ...date, header: "Ngày quyết định phê duyệt" })).toBe(12);
    const longWord = "lượng_lao_động_bình_quân";
    expect(columnWidth({ ...integer, header: `Số ${longWord}` })).toBe(longWord.length + 2);
    expect(columnWidth({ ...text, width: 40 })).toBe(40);
  });
});

describe("totals", () => {
  it("sum money columns, and integer columns only when asked", () => {
    expect(isTotalled(money)).toBe(true);
    expect(isTotalled({ ...money, total: false })).toBe(false);
    expect(isTotalled(integer)).toBe(false);
    expect(isTotalled({ ...integer, total: true })).toBe(true);
    expect(isTotalled({ ...percent, total: true })).toBe(false);

    const totals = new ColumnTotals([money, integer, { ...integer, key: "count", total: true }]);
    totals.add("requested", 2n ** 60n);
    totals.add("requested", 1n);
    totals.add("workers", 7n);
    totals.add("count", 1n);
    totals.add("count", 1n);
    expect(totals.toRecord()).toEqual({ requested: 2n ** 60n + 1n, count: 2n });
  });
});
