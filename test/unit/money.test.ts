import { describe, expect, it } from "vitest";
import {
  formatMoney,
  formatMoneyFull,
  MONEY_MAX,
  type MoneyError,
  moneyInWords,
  parseMoney,
} from "../../src/domain/money.ts";

const TRIEU = 1_000_000n;
const TY = 1_000_000_000n;

describe("parseMoney accepts", () => {
  it.each<[string, bigint]>([
    ["1.500.000", 1_500_000n],
    ["1500000", 1_500_000n],
    ["1 500 000", 1_500_000n],
    ["600 triệu", 600n * TRIEU],
    ["600tr", 600n * TRIEU],
    ["600 tr", 600n * TRIEU],
    ["600 triệu đồng", 600n * TRIEU],
    ["600 Triệu Đồng", 600n * TRIEU],
    ["600 TRIEU", 600n * TRIEU],
    ["600 trieu dong", 600n * TRIEU],
    ["600 triệu đồng.", 600n * TRIEU],
    ["  600 triệu  ", 600n * TRIEU],
    ["2.010,7 triệu", 2_010_700_000n],
    ["1,5 tỷ", 1_500_000_000n],
    ["1,5 tỉ", 1_500_000_000n],
    ["1,5 ty", 1_500_000_000n],
    ["1,5 TỶ ĐỒNG", 1_500_000_000n],
    ["1.5 tỷ", 1_500_000_000n],
    ["1.25 tỷ", 1_250_000_000n],
    ["1,25 tỷ", 1_250_000_000n],
    ["1,500 tỷ", 1_500_000_000n],
    ["1.500 tỷ", 1_500n * TY],
    ["2 tỷ 5", 2_500_000_000n],
    ["2 tỷ rưỡi", 2_500_000_000n],
    ["2 triệu rưỡi", 2_500_000n],
    ["1 tỷ 200 triệu", 1_200_000_000n],
    ["1 tỷ 200", 1_200_000_000n],
    ["1 tỷ 2", 1_200_000_000n],
    ["1 tỷ 250", 1_250_000_000n],
    ["1 tỷ 25", 1_250_000_000n],
    ["1 tỷ 2 trăm triệu", 1_200_000_000n],
    ["1 tỷ 200 triệu 500 nghìn", 1_200_500_000n],
    ["1 tỷ 1,5 triệu", 1_001_500_000n],
    ["500k", 500_000n],
    ["500K", 500_000n],
    ["500 nghìn", 500_000n],
    ["500 ngàn", 500_000n],
    ["500 nghin dong", 500_000n],
    ["5 trăm nghìn", 500_000n],
    ["3 trăm triệu", 300n * TRIEU],
    ["50 triệu 500", 50_500_000n],
    ["50 củ", 50n * TRIEU],
    ["1tr5", 1_500_000n],
    ["1.500.000đ", 1_500_000n],
    ["1.500.000 đ", 1_500_000n],
    ["1.500.000 đồng", 1_500_000n],
    ["1.500.000 dong", 1_500_000n],
    ["1.500.000 VND", 1_500_000n],
    ["1500000 vnđ", 1_500_000n],
    ["VND 1.500.000", 1_500_000n],
    ["1.500.000 đồng chẵn", 1_500_000n],
    ["1.500", 1_500n],
    ["1.000", 1_000n],
    ["12 345", 12_345n],
    ["1,500,000", 1_500_000n],
    ["1.500.000,00", 1_500_000n],
    ["1 nghìn tỷ", 1_000n * TY],
    ["1.000.000 tỷ", MONEY_MAX],
    ["300.000.000", 300n * TRIEU],
    ["0,5 triệu", 500_000n],
    ["1000 đ", 1_000n],
  ])("%s → %s", (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected });
  });
});

describe("parseMoney refuses", () => {
  it.each<[string, MoneyError]>([
    ["", "money-empty"],
    ["   ", "money-empty"],
    ["abc", "money-not-a-number"],
    ["triệu", "money-not-a-number"],
    ["đồng", "money-not-a-number"],
    ["rưỡi", "money-not-a-number"],
    ["600 đô", "money-word-unknown"], // names "đô": see money-words.test.ts
    ["$600", "money-not-a-number"],
    ["600 triệu/năm", "money-not-a-number"],
    ["1.5.00", "money-ambiguous"],
    ["1,500", "money-ambiguous"],
    ["12,500", "money-ambiguous"],
    ["1,500.50", "money-ambiguous"],
    ["1.50.000", "money-ambiguous"],
    ["1,5.000", "money-ambiguous"],
    ["1 5", "money-ambiguous"],
    ["1 tỷ 1500 triệu", "money-ambiguous"],
    ["1 tỷ 2000", "money-ambiguous"],
    ["1,5 tỷ 200 triệu", "money-ambiguous"],
    ["1,5 tỷ 2", "money-ambiguous"],
    ["1 triệu tỷ triệu", "money-ambiguous"],
    ["200 triệu 1 tỷ", "money-ambiguous"],
    ["tỷ triệu", "money-not-a-number"],
    ["2 triệu 5 trăm", "money-ambiguous"],
    ["500 đ", "money-too-small"],
    ["999 đồng", "money-too-small"],
    ["0", "money-too-small"],
    ["0 đồng", "money-too-small"],
    ["0,5 nghìn", "money-too-small"],
    ["1.000.001 tỷ", "money-too-large"],
    ["999999999999999999999", "money-too-large"],
    ["-500.000", "money-negative"],
    ["- 5 triệu", "money-negative"],
    ["âm 5 triệu", "money-negative"],
    ["1,5 đồng", "money-fraction-of-dong"],
    ["1.500.000,5", "money-fraction-of-dong"],
    ["1.500,5", "money-fraction-of-dong"],
    ["1,0000005 triệu", "money-fraction-of-dong"],
    ["1500.5", "money-fraction-of-dong"],
  ])("%s → %s", (input, error) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });

  it.each<[string, string]>([
    ["600", "600 triệu"],
    ["50", "50 triệu"],
    ["1,5", "1,5 triệu"],
    ["1.5", "1,5 triệu"],
    ["2,25", "2,25 triệu"],
    ["999", "999 triệu"],
  ])("%s without a unit suggests %s", (input, suggestion) => {
    expect(parseMoney(input)).toEqual({
      ok: false,
      error: "money-missing-unit",
      details: { suggestion },
    });
  });
});

describe("formatMoney", () => {
  it.each<[bigint, string]>([
    [600n * TRIEU, "600 triệu đồng"],
    [1n * TRIEU, "1 triệu đồng"],
    [300n * TRIEU, "300 triệu đồng"],
    [999n * TRIEU, "999 triệu đồng"],
    [TY, "1 tỷ đồng"],
    [1_500_000_000n, "1,5 tỷ đồng"],
    [1_250_000_000n, "1,25 tỷ đồng"],
    [2_010_000_000n, "2,01 tỷ đồng"],
    [2_001_000_000n, "2,001 tỷ đồng"],
    [1_000n * TY, "1.000 tỷ đồng"],
    [1_234_500n * TY, "1.234.500 tỷ đồng"],
    [2_010_700_000n, "2.010,7 triệu đồng"],
    [1_500_000n, "1,5 triệu đồng"],
    [50_500_000n, "50,5 triệu đồng"],
    [1_234_567n, "1.234.567 đ"],
    [500_000n, "500.000 đ"],
    [1_000n, "1.000 đ"],
    [1_250_000n, "1.250.000 đ"],
    [0n, "0 đ"],
  ])("%s → %s", (amount, text) => {
    expect(formatMoney(amount)).toBe(text);
  });

  it.each([
    1_000n,
    12_345n,
    500_000n,
    1_500_000n,
    1_234_567n,
    50_500_000n,
    600n * TRIEU,
    1_500_000_000n,
    2_010_700_000n,
    2_001_000_000n,
    1_200_500_000n,
    987_654_321_000n,
    MONEY_MAX,
  ])("%s survives formatMoney → parseMoney", (amount) => {
    expect(parseMoney(formatMoney(amount))).toEqual({ ok: true, value: amount });
    expect(parseMoney(formatMoneyFull(amount))).toEqual({ ok: true, value: amount });
  });

  it.each<[bigint, string]>([
    [1_500_000n, "1.500.000 đ"],
    [1_000n, "1.000 đ"],
    [999n, "999 đ"],
    [600n * TRIEU, "600.000.000 đ"],
    [1_234_567_890n, "1.234.567.890 đ"],
  ])("formatMoneyFull %s → %s", (amount, text) => {
    expect(formatMoneyFull(amount)).toBe(text);
  });
});

describe("moneyInWords", () => {
  it.each<[bigint, string]>([
    [0n, "Không đồng"],
    [1n, "Một đồng"],
    [4n, "Bốn đồng"],
    [5n, "Năm đồng"],
    [10n, "Mười đồng"],
    [11n, "Mười một đồng"],
    [14n, "Mười bốn đồng"],
    [15n, "Mười lăm đồng"],
    [20n, "Hai mươi đồng"],
    [21n, "Hai mươi mốt đồng"],
    [24n, "Hai mươi tư đồng"],
    [25n, "Hai mươi lăm đồng"],
    [55n, "Năm mươi lăm đồng"],
    [100n, "Một trăm đồng"],
    [101n, "Một trăm linh một đồng"],
    [104n, "Một trăm linh bốn đồng"],
    [105n, "Một trăm linh năm đồng"],
    [110n, "Một trăm mười đồng"],
    [115n, "Một trăm mười lăm đồng"],
    [121n, "Một trăm hai mươi mốt đồng"],
    [1_000n, "Một nghìn đồng"],
    [1_001n, "Một nghìn không trăm linh một đồng"],
    [1_010n, "Một nghìn không trăm mười đồng"],
    [1_100n, "Một nghìn một trăm đồng"],
    [12_345n, "Mười hai nghìn ba trăm bốn mươi lăm đồng"],
    [500_000n, "Năm trăm nghìn đồng"],
    [1_500_000n, "Một triệu năm trăm nghìn đồng"],
    [1_000_500n, "Một triệu năm trăm đồng"],
    [1_000_005n, "Một triệu không trăm linh năm đồng"],
    [50_500_000n, "Năm mươi triệu năm trăm nghìn đồng"],
    [300n * TRIEU, "Ba trăm triệu đồng"],
    [600n * TRIEU, "Sáu trăm triệu đồng"],
    [TY, "Một tỷ đồng"],
    [1_500_000_000n, "Một tỷ năm trăm triệu đồng"],
    [2_010_700_000n, "Hai tỷ không trăm mười triệu bảy trăm nghìn đồng"],
    [1_000_005_000n, "Một tỷ không trăm linh năm nghìn đồng"],
    [1_000_000_001n, "Một tỷ không trăm linh một đồng"],
    [21_000_000_000n, "Hai mươi mốt tỷ đồng"],
    [
      999_999_999n,
      "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
    ],
    [1_000n * TY, "Một nghìn tỷ đồng"],
    [1_000_000n * TY, "Một triệu tỷ đồng"],
    [105n * TY, "Một trăm linh năm tỷ đồng"],
    [
      1_234_567_890n,
      "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng",
    ],
  ])("%s → %s", (amount, words) => {
    expect(moneyInWords(amount)).toBe(words);
  });
});
