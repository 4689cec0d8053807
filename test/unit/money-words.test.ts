import { describe, expect, it } from "vitest";
import { MONEY_MAX, MONEY_MIN, moneyInWords, parseMoney } from "../../src/domain/money.ts";
import { foldVietnamese } from "../../src/domain/text.ts";

const NGHIN = 1_000n;
const TRIEU = 1_000_000n;
const TY = 1_000_000_000n;

describe("parseMoney reads amounts in words", () => {
  it.each<[string, bigint]>([
    // The brief's examples.
    ["một triệu", TRIEU],
    ["hai trăm triệu", 200n * TRIEU],
    ["một tỷ rưỡi", 1_500_000_000n],
    ["ba trăm năm mươi triệu đồng", 350n * TRIEU],
    // Digits and tens, the Vietnamese way.
    ["bảy trăm tám mươi chín triệu", 789n * TRIEU],
    ["bốn trăm năm mươi sáu nghìn", 456n * NGHIN],
    ["mười triệu", 10n * TRIEU],
    ["mười một triệu", 11n * TRIEU],
    ["mười lăm triệu", 15n * TRIEU],
    ["mười nhăm triệu", 15n * TRIEU],
    ["mười bốn triệu", 14n * TRIEU],
    ["mười tư triệu", 14n * TRIEU],
    ["hai mươi triệu", 20n * TRIEU],
    ["hai mươi mốt triệu", 21n * TRIEU],
    ["hai mươi tư triệu", 24n * TRIEU],
    ["hai mươi lăm triệu", 25n * TRIEU],
    ["hai mươi nhăm triệu", 25n * TRIEU],
    ["chín mươi chín triệu", 99n * TRIEU],
    ["một trăm linh năm triệu", 105n * TRIEU],
    ["một trăm lẻ năm triệu", 105n * TRIEU],
    ["một trăm linh tư triệu", 104n * TRIEU],
    ["một trăm mười triệu", 110n * TRIEU],
    ["hai chục triệu", 20n * TRIEU],
    ["chục triệu", 10n * TRIEU],
    ["trăm triệu", 100n * TRIEU],
    // Units and their spellings.
    ["ba trăm ngàn", 300n * NGHIN],
    ["ba tỉ", 3n * TY],
    ["hai củ", 2n * TRIEU],
    ["năm trăm k", 500n * NGHIN],
    ["hai trăm tr", 200n * TRIEU],
    ["năm mươi triệu năm trăm nghìn", 50_500_000n],
    ["hai tỷ không trăm mười triệu bảy trăm nghìn đồng", 2_010_700_000n],
    ["một tỷ không trăm linh năm triệu", 1_005_000_000n],
    ["một nghìn tỷ", 1_000n * TY],
    ["một nghìn hai trăm tỷ", 1_200n * TY],
    ["một triệu tỷ đồng", MONEY_MAX],
    // "rưỡi": half of the unit before it; "chẵn": ignored.
    ["triệu rưỡi", 1_500_000n],
    ["tỷ rưỡi", 1_500_000_000n],
    ["hai triệu rưỡi", 2_500_000n],
    ["một trăm triệu rưỡi", 100_500_000n],
    ["hai trăm rưỡi nghìn", 250n * NGHIN],
    ["trăm rưỡi nghìn", 150n * NGHIN],
    ["hai trăm rưỡi triệu", 250n * TRIEU],
    ["năm trăm triệu chẵn", 500n * TRIEU],
    ["năm trăm triệu đồng chẵn", 500n * TRIEU],
    // A number after the last unit (see money-words.ts).
    ["một tỷ hai", 1_200_000_000n],
    ["hai triệu năm", 2_500_000n],
    ["tỷ mốt", 1_100_000_000n],
    ["triệu tư", 1_400_000n],
    ["một nghìn hai", 1_200n],
    ["một nghìn hai trăm đồng", 1_200n],
    ["hai nghìn hai mươi đồng", 2_020n],
    ["một nghìn không trăm linh năm", 1_005n],
    ["một triệu không trăm linh năm", 1_000_005n],
    ["Một triệu năm trăm đồng", 1_000_500n],
    ["Một tỷ hai trăm đồng", 1_000_000_200n],
    // Mixed figures and words.
    ["1 tỷ rưỡi", 1_500_000_000n],
    ["2 tỷ 300 triệu", 2_300_000_000n],
    ["300 triệu 500 nghìn", 300_500_000n],
    ["1 tỷ hai trăm triệu", 1_200_000_000n],
    ["5 trăm triệu", 500n * TRIEU],
    ["hai tỷ 300 triệu", 2_300_000_000n],
    ["5 trăm năm mươi triệu", 550n * TRIEU],
    ["1 tỷ hai", 1_200_000_000n],
    ["hai tỷ 5", 2_500_000_000n],
    ["một tỷ 250", 1_250_000_000n],
    ["hai tỷ 1,5 triệu", 2_001_500_000n],
    ["1.500 tỷ hai trăm triệu", 1_500n * TY + 200n * TRIEU],
    // Without diacritics, any case, extra spaces, commas, a final full stop.
    ["hai tram trieu", 200n * TRIEU],
    ["mot ty ruoi", 1_500_000_000n],
    ["ba tram nam muoi trieu dong", 350n * TRIEU],
    ["hai muoi lam trieu", 25n * TRIEU],
    ["muoi lam trieu", 15n * TRIEU],
    ["mot tram linh nam trieu", 105n * TRIEU],
    ["mot ty khong tram linh nam trieu", 1_005_000_000n],
    ["MỘT TỶ RƯỠI", 1_500_000_000n],
    ["Hai Mươi Mốt Tỷ Đồng", 21n * TY],
    ["  hai   trăm  triệu   đồng ", 200n * TRIEU],
    ["Một tỷ, hai trăm triệu đồng.", 1_200_000_000n],
    ["sáu trăm triệu đ", 600n * TRIEU],
    ["sáu trăm triệu VNĐ", 600n * TRIEU],
    ["VND sáu trăm triệu", 600n * TRIEU],
    ["hai trăm triệu".normalize("NFD"), 200n * TRIEU],
  ])("%s → %s", (input, expected) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: expected });
  });
});

describe("parseMoney refuses amounts in words", () => {
  it.each<[string, string, Record<string, string> | undefined]>([
    // The first word not understood, as typed.
    ["hai trăm triệu đô", "money-word-unknown", { word: "đô" }],
    ["Sáu Trăm Triệu Đô La", "money-word-unknown", { word: "Đô" }],
    ["khoảng sáu trăm triệu", "money-word-unknown", { word: "khoảng" }],
    ["haii trăm triệu", "money-word-unknown", { word: "haii" }],
    ["triệu abc", "money-word-unknown", { word: "abc" }],
    // A word where it makes no sense.
    ["triệu tỷ hai", "money-word-order", { word: "triệu" }],
    ["hai ba triệu", "money-word-order", { word: "ba" }],
    ["hai triệu ba triệu", "money-word-order", { word: "triệu" }],
    ["năm nghìn hai triệu", "money-word-order", { word: "triệu" }],
    ["một tỷ hai tỷ", "money-word-order", { word: "tỷ" }],
    ["một mươi triệu", "money-word-order", { word: "mươi" }],
    ["hai mươi mười triệu", "money-word-order", { word: "mười" }],
    ["hai trăm linh triệu", "money-word-order", { word: "triệu" }],
    ["hai rưỡi triệu", "money-word-order", { word: "rưỡi" }],
    ["một tỷ rưỡi hai trăm triệu", "money-word-order", { word: "hai" }],
    ["một triệu đồng năm trăm nghìn", "money-word-order", { word: "đồng" }],
    ["một triệu trăm nghìn", "money-word-order", { word: "trăm" }],
    ["hai 300 triệu", "money-word-order", { word: "300" }],
    // Speech and documents disagree, as "2 triệu 5 trăm" does with figures.
    ["hai triệu năm trăm", "money-ambiguous", undefined],
    ["một tỷ hai trăm", "money-ambiguous", undefined],
    ["hai triệu hai mươi", "money-ambiguous", undefined],
    ["hai trăm năm triệu", "money-ambiguous", undefined],
    ["hai tỷ 1500 triệu", "money-ambiguous", undefined],
    ["2,5 tỷ năm trăm triệu", "money-ambiguous", undefined],
    ["15 trăm năm mươi nghìn", "money-ambiguous", undefined],
    // The figure reader's refusals hold for words too.
    ["sáu trăm", "money-missing-unit", { suggestion: "600 triệu" }],
    ["hai trăm rưỡi", "money-missing-unit", { suggestion: "250 triệu" }],
    ["sáu trăm đồng", "money-too-small", undefined],
    ["không đồng", "money-too-small", undefined],
    ["hai triệu tỷ", "money-too-large", undefined],
    ["âm năm triệu", "money-negative", undefined],
    ["sáu trăm triệu/năm", "money-not-a-number", undefined],
    // No number at all.
    ["triệu", "money-not-a-number", undefined],
    ["tỷ triệu", "money-not-a-number", undefined],
    ["rưỡi", "money-not-a-number", undefined],
    ["chẵn", "money-not-a-number", undefined],
    ["đô la", "money-not-a-number", undefined],
  ])("%s → %s %o", (input, error, details) => {
    const expected = details === undefined ? { ok: false, error } : { ok: false, error, details };
    expect(parseMoney(input)).toEqual(expected);
  });
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function randomNumbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Amounts from MONEY_MIN to MONEY_MAX built three digits at a time, each
 * group often zero or a single digit: the zeros ("không trăm", "linh",
 * skipped units) are where reading words goes wrong.
 */
function sampleAmounts(count: number, seed: number): bigint[] {
  const random = randomNumbers(seed);
  const amounts: bigint[] = [];
  while (amounts.length < count) {
    let amount = 0n;
    for (let group = 0; group < 6; group++) {
      const kind = Math.floor(random() * 4);
      const value = kind === 0 ? 0 : kind === 1 ? Math.floor(random() * 10) : random() * 1000;
      amount = amount * 1000n + BigInt(Math.floor(value));
    }
    if (amount >= MONEY_MIN && amount <= MONEY_MAX) amounts.push(amount);
  }
  return amounts;
}

/** Every group 0–999 in each place of an amount, with ones around it. */
function everyGroupInEveryPlace(): bigint[] {
  const amounts: bigint[] = [];
  for (let group = 0n; group < 1000n; group++) {
    amounts.push(1_000n + group, 1_000_000n + group * NGHIN, TY + group * TRIEU, TY + group);
    amounts.push(group * TY + 1n, group * NGHIN * TY + TY);
  }
  return amounts.filter((amount) => amount >= MONEY_MIN && amount <= MONEY_MAX);
}

describe("moneyInWords reads back", () => {
  const amounts = [
    ...everyGroupInEveryPlace(),
    ...sampleAmounts(3_000, 2026),
    MONEY_MIN,
    MONEY_MAX,
    MONEY_MAX - 1n,
  ];

  it(`parseMoney(moneyInWords(x)) === x for ${amounts.length} amounts`, () => {
    const failures = amounts.filter((amount) => {
      const read = parseMoney(moneyInWords(amount));
      return !(read.ok && read.value === amount);
    });
    expect(failures.map((amount) => [amount, moneyInWords(amount)])).toEqual([]);
  });

  it("also without diacritics, in capitals", () => {
    const failures = amounts.filter((amount) => {
      const words = moneyInWords(amount);
      const folded = parseMoney(foldVietnamese(words));
      const capitals = parseMoney(words.toUpperCase());
      return !(folded.ok && folded.value === amount && capitals.ok && capitals.value === amount);
    });
    expect(failures).toEqual([]);
  });

  it("without the final “đồng”: the same amount or a question, never another amount", () => {
    let asked = 0;
    const failures = amounts.filter((amount) => {
      const read = parseMoney(moneyInWords(amount).replace(/ đồng$/, ""));
      if (!read.ok && read.error === "money-ambiguous") asked += 1;
      return read.ok ? read.value !== amount : read.error !== "money-ambiguous";
    });
    expect(failures).toEqual([]);
    // Amounts like 1.000.500 ("Một triệu năm trăm") are asked about, not guessed.
    expect(asked).toBeGreaterThan(0);
  });
});
