/**
 * Amounts of money written in Vietnamese words, as owners type them and as
 * official documents write them: "ba trăm năm mươi triệu đồng", "một tỷ
 * rưỡi", "mot ty ruoi", alone or mixed with figures ("1 tỷ hai trăm
 * triệu"). money.ts folds and tokenizes what was typed and hands the tokens
 * here when they hold words its figure reader does not know.
 *
 * How words are read:
 * - A number below a thousand is read the Vietnamese way: "hai trăm linh năm"
 *   (205), "mười lăm" (15), "hai mươi mốt" (21), "ba chục" (30), "trăm rưỡi"
 *   (150). Folded, "mười" (10) and "mươi" (tens) are both "muoi": it is "mươi"
 *   right after a digit, "mười" anywhere else.
 * - Units go from large to small: tỷ, triệu, nghìn. Everything read before
 *   "tỷ" counts in tỷ ("một nghìn hai trăm tỷ" = 1.200 tỷ), as moneyInWords
 *   writes large amounts.
 * - "rưỡi" after a unit adds half of it and ends the amount ("một tỷ rưỡi").
 * - A number after the last unit is where speech and documents part ways:
 *   - one digit word (or up to three figures) goes on in the unit as decimals,
 *     as with figures: "một tỷ hai" = 1,2 tỷ, "hai triệu năm" = 2,5 triệu;
 *   - after "nghìn", any other number is the units: "hai nghìn hai mươi" = 2.020;
 *   - after "triệu" or "tỷ", with "nghìn" skipped, speech means "hai triệu năm
 *     trăm" = 2,5 triệu but a document means 2.000.500. It is read as a
 *     document only when written as one ("không trăm…", or ending in "đồng"),
 *     and refused as ambiguous otherwise, as "2 triệu 5 trăm" is.
 */
import { fail, ok, type Result } from "./result.ts";

/** A decimal number: digits / 10^scale. */
export type Decimal = { digits: bigint; scale: number };

/**
 * One token of an amount: a figure (already read by money.ts), or a word,
 * folded (lowercase, no diacritics) with the text as typed for messages.
 */
export type AmountToken =
  | { kind: "figure"; raw: string; value: Decimal }
  | { kind: "word"; text: string; original: string };

export type MoneyWordsError =
  | "money-word-unknown"
  | "money-word-order"
  | "money-ambiguous"
  | "money-not-a-number";

/** What was read: `bare` when no unit was written ("sáu trăm"). */
export type AmountInWords = { amount: Decimal; bare: boolean };

export const NGHIN = 1_000n;
export const TRIEU = 1_000_000n;
export const TY = 1_000_000_000n;

/** Unit words after folding. "củ" is slang for triệu; "tr" and "k" are how people type them. */
export const UNIT_WORDS: ReadonlyMap<string, bigint> = new Map([
  ["ty", TY],
  ["ti", TY],
  ["trieu", TRIEU],
  ["tr", TRIEU],
  ["cu", TRIEU],
  ["nghin", NGHIN],
  ["ngan", NGHIN],
  ["k", NGHIN],
]);

/** "đồng", "đ", "VNĐ": may end an amount ("VND" may also start it). */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(["dong", "d", "vnd"]);

/** "chẵn" (a round amount): may end an amount, says nothing about it. */
export const ROUND_WORD = "chan";

/**
 * Digit words after folding. "mốt" (21), "tư" (24), "lăm"/"nhăm" (25) are
 * how 1, 4 and 5 are said after tens; "mốt" folds to "mot" like "một".
 */
const DIGITS: ReadonlyMap<string, number> = new Map([
  ["khong", 0],
  ["mot", 1],
  ["hai", 2],
  ["ba", 3],
  ["bon", 4],
  ["tu", 4],
  ["nam", 5],
  ["lam", 5],
  ["nham", 5],
  ["sau", 6],
  ["bay", 7],
  ["tam", 8],
  ["chin", 9],
]);

const HUNDRED = "tram";
const TEN_OR_TENS = "muoi";
const TENS = "chuc";
const ZERO_TENS: ReadonlySet<string> = new Set(["linh", "le"]);
const HALF = "ruoi";

/** Words that make a number (with figures, these say that a number was typed at all). */
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...DIGITS.keys(),
  HUNDRED,
  TEN_OR_TENS,
  TENS,
  ...ZERO_TENS,
]);

const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...NUMBER_WORDS,
  ...UNIT_WORDS.keys(),
  ...CURRENCY_WORDS,
  ROUND_WORD,
  HALF,
]);

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const whole = (n: bigint | number): Decimal => ({ digits: BigInt(n), scale: 0 });
const ZERO = whole(0);

function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return {
    digits: a.digits * pow10(scale - a.scale) + b.digits * pow10(scale - b.scale),
    scale,
  };
}

const times = (a: Decimal, n: bigint): Decimal => ({ digits: a.digits * n, scale: a.scale });
const isWhole = (a: Decimal): boolean => a.digits % pow10(a.scale) === 0n;

/**
 * How a number below a thousand was written, which decides how it is read
 * after a unit (see the top of this file).
 */
type GroupForm = "figure" | "digit" | "below-hundred" | "hundreds" | "zero-hundreds";

type Group = { value: Decimal; form: GroupForm; token: AmountToken };

/** The text to name in a refusal: the word as typed, or the figure. */
const shown = (token: AmountToken): string => (token.kind === "word" ? token.original : token.raw);

const outOfPlace = (token: AmountToken | undefined) =>
  fail("money-word-order", { word: token === undefined ? "" : shown(token) });

class TokenReader {
  private position = 0;

  constructor(private readonly tokens: readonly AmountToken[]) {}

  get atStart(): boolean {
    return this.position === 0;
  }

  get done(): boolean {
    return this.position >= this.tokens.length;
  }

  get remaining(): number {
    return this.tokens.length - this.position;
  }

  peek(offset = 0): AmountToken | undefined {
    return this.tokens[this.position + offset];
  }

  /** The folded word at `offset`, if that token is a word. */
  word(offset = 0): string | undefined {
    const token = this.peek(offset);
    return token?.kind === "word" ? token.text : undefined;
  }

  digit(offset = 0): number | undefined {
    const word = this.word(offset);
    return word === undefined ? undefined : DIGITS.get(word);
  }

  skip(count: number): void {
    this.position += count;
  }
}

/** The units after "mười", "mươi" or "chục": "mốt", "tư", "lăm" and plain digits, never "không". */
function readUnitsAfterTens(reader: TokenReader): number {
  const digit = reader.digit();
  if (digit === undefined || digit === 0) return 0;
  reader.skip(1);
  return digit;
}

/** 0–99 in words, or null when no such number starts here. */
function readBelowHundred(
  reader: TokenReader,
  atStart: boolean,
): Result<{ value: number; form: GroupForm } | null, MoneyWordsError> {
  const word = reader.word();
  if (word !== undefined && ZERO_TENS.has(word)) {
    // "linh năm", "lẻ năm": a digit must follow.
    const units = reader.digit(1);
    if (units === undefined || units === 0) return outOfPlace(reader.peek(1) ?? reader.peek());
    reader.skip(2);
    return ok({ value: units, form: "below-hundred" });
  }
  if (word === TEN_OR_TENS) {
    reader.skip(1);
    return ok({ value: 10 + readUnitsAfterTens(reader), form: "below-hundred" });
  }
  if (word === TENS && atStart) {
    // "chục triệu": one ten, as "trăm triệu" is one hundred.
    reader.skip(1);
    return ok({ value: 10, form: "below-hundred" });
  }
  const digit = reader.digit();
  if (digit === undefined) return ok(null);
  const next = reader.word(1);
  if (next === TEN_OR_TENS || next === TENS) {
    // "hai mươi", "ba chục"; "một mươi" and "không mươi" are not numbers.
    if (digit < (next === TEN_OR_TENS ? 2 : 1)) return outOfPlace(reader.peek(1));
    reader.skip(2);
    return ok({ value: digit * 10 + readUnitsAfterTens(reader), form: "below-hundred" });
  }
  reader.skip(1);
  return ok({ value: digit, form: "digit" });
}

/** What follows "X trăm": "linh năm", "năm mươi", "mười", "rưỡi" or nothing. */
function readAfterHundreds(
  reader: TokenReader,
  hundreds: number,
  token: AmountToken,
): Result<Group, MoneyWordsError> {
  const form: GroupForm = hundreds === 0 ? "zero-hundreds" : "hundreds";
  if (reader.word() === HALF) {
    if (hundreds === 0) return outOfPlace(reader.peek());
    reader.skip(1);
    return ok({ value: whole(hundreds * 100 + 50), form, token });
  }
  // "hai trăm năm" is 250 in speech, 205 to someone who forgot "linh";
  // "2 trăm 5" is refused the same way.
  const next = reader.word(1);
  if (reader.digit() !== undefined && next !== TEN_OR_TENS && next !== TENS) {
    return fail("money-ambiguous");
  }
  const below = readBelowHundred(reader, false);
  if (!below.ok) return below;
  return ok({ value: whole(hundreds * 100 + (below.value?.value ?? 0)), form, token });
}

/** A number below a thousand (or a figure), or null when none starts here. */
function readGroup(reader: TokenReader): Result<Group | null, MoneyWordsError> {
  const token = reader.peek();
  if (token === undefined) return ok(null);
  const atStart = reader.atStart;
  const followedByHundred = reader.word(1) === HUNDRED;

  if (token.kind === "figure") {
    if (!followedByHundred) {
      reader.skip(1);
      return ok({ value: token.value, form: "figure", token });
    }
    // "5 trăm năm mươi triệu": a figure may count the hundreds.
    if (token.value.scale !== 0 || token.value.digits > 9n) return fail("money-ambiguous");
    reader.skip(2);
    return readAfterHundreds(reader, Number(token.value.digits), token);
  }
  const digit = reader.digit();
  if (digit !== undefined && followedByHundred) {
    reader.skip(2);
    return readAfterHundreds(reader, digit, token);
  }
  if (token.text === HUNDRED && atStart) {
    // "trăm rưỡi nghìn", "trăm triệu": one hundred.
    reader.skip(1);
    return readAfterHundreds(reader, 1, token);
  }
  const below = readBelowHundred(reader, atStart);
  if (!below.ok) return below;
  if (below.value === null) return ok(null);
  return ok({ value: whole(below.value.value), form: below.value.form, token });
}

/**
 * A number after the last unit (see the top of this file): decimals of the
 * unit, the units of the amount, or ambiguous.
 */
function readTrailing(
  group: Group,
  unit: bigint,
  endsWithCurrency: boolean,
): Result<Decimal, MoneyWordsError> {
  const { token } = group;
  const decimals =
    group.form === "digit"
      ? group.value.digits.toString()
      : token.kind === "figure" && /^\d{1,3}$/.test(token.raw)
        ? token.raw
        : null;
  if (decimals !== null) return ok({ digits: BigInt(decimals) * unit, scale: decimals.length });
  if (group.form === "figure") return fail("money-ambiguous");
  const readAsUnits =
    unit === NGHIN ||
    group.form === "zero-hundreds" ||
    (group.form === "hundreds" && endsWithCurrency);
  return readAsUnits ? ok(group.value) : fail("money-ambiguous");
}

/**
 * A unit written first with no number before it ("triệu rưỡi", "tỷ hai")
 * counts as one of it, in speech, when "rưỡi" or a single digit ends the
 * amount after it. `reader` stands just after the unit.
 */
function impliesOne(reader: TokenReader): boolean {
  if (reader.word() === HALF) return true;
  const next = reader.peek();
  if (reader.remaining !== 1 || next === undefined) return false;
  return next.kind === "figure" ? /^\d{1,3}$/.test(next.raw) : reader.digit() !== undefined;
}

const ONE = (token: AmountToken): Group => ({ value: whole(1), form: "digit", token });

function readAmount(
  reader: TokenReader,
  endsWithCurrency: boolean,
): Result<AmountInWords, MoneyWordsError> {
  /** Everything up to and including "tỷ", once read. */
  let billions: Decimal | null = null;
  /** Read since the start or since "tỷ": triệu, nghìn. */
  let segment = ZERO;
  /** The last unit read; the next must be smaller. */
  let smallestUnit: bigint | null = null;
  /** A number read whose unit has not come yet. */
  let pending: Group | null = null;
  /** After "rưỡi" or a figure with decimals and its unit, nothing more may come. */
  let closed: "half" | "fraction" | null = null;

  while (!reader.done) {
    const token = reader.peek();
    if (token === undefined) break;
    if (closed !== null) return closed === "fraction" ? fail("money-ambiguous") : outOfPlace(token);

    const unit = token.kind === "word" ? UNIT_WORDS.get(token.text) : undefined;
    if (unit === undefined) {
      // "hai ba triệu": two numbers in a row.
      if (pending !== null) return outOfPlace(token);
      const group = readGroup(reader);
      if (!group.ok) return group;
      if (group.value === null) return outOfPlace(token);
      pending = group.value;
      continue;
    }

    const first = reader.atStart;
    reader.skip(1);
    const isFirstNumber = billions === null && smallestUnit === null;
    // "1 tỷ 1500 triệu": a figure after a unit must stay below a thousand.
    if (
      pending?.form === "figure" &&
      !isFirstNumber &&
      pending.value.digits >= 1000n * pow10(pending.value.scale)
    ) {
      return fail("money-ambiguous");
    }

    let count: Decimal;
    if (unit === TY) {
      if (billions !== null) return outOfPlace(token);
      if (pending === null) {
        // "một nghìn tỷ": what was read so far counts in tỷ.
        if (smallestUnit !== null) count = segment;
        else if (first && impliesOne(reader)) count = whole(1);
        else return outOfPlace(token);
      } else if (smallestUnit === null) {
        count = pending.value;
      } else {
        const trailing = readTrailing(pending, smallestUnit, endsWithCurrency);
        if (!trailing.ok) return trailing;
        count = add(segment, trailing.value);
      }
      billions = times(count, TY);
      segment = ZERO;
    } else {
      if (smallestUnit !== null && unit >= smallestUnit) return outOfPlace(token);
      const group = pending ?? (first && impliesOne(reader) ? ONE(token) : null);
      if (group === null) return outOfPlace(token);
      count = group.value;
      segment = add(segment, times(count, unit));
    }
    smallestUnit = unit;
    pending = null;
    if (!isWhole(count)) closed = "fraction";

    if (reader.word() === HALF) {
      if (closed === "fraction") return fail("money-ambiguous");
      reader.skip(1);
      const half = whole(unit / 2n);
      if (unit === TY) billions = add(billions ?? ZERO, half);
      else segment = add(segment, half);
      closed = "half";
    }
  }

  let amount = add(billions ?? ZERO, segment);
  if (pending !== null) {
    if (smallestUnit === null) return ok({ amount: pending.value, bare: true });
    const trailing = readTrailing(pending, smallestUnit, endsWithCurrency);
    if (!trailing.ok) return trailing;
    amount = add(amount, trailing.value);
  }
  return ok({ amount, bare: false });
}

const isNumberToken = (token: AmountToken): boolean =>
  token.kind === "figure" || NUMBER_WORDS.has(token.text);

/** Whether a word is one money.ts's figure reader knows (units, "trăm", "rưỡi"). */
export function isFigureWord(word: string): boolean {
  return UNIT_WORDS.has(word) || word === HUNDRED || word === HALF;
}

/**
 * Reads an amount from tokens holding words ("hai trăm triệu", "1 tỷ
 * rưỡi"), currency words already taken off its end. `endsWithCurrency`:
 * "đồng", "đ" or "VNĐ" ended it, as in documents (see the top of this file).
 * Refusals: `money-word-unknown` with the first word not understood,
 * `money-word-order` with the word that stands where it makes no sense,
 * `money-ambiguous`, and `money-not-a-number` when no number was typed at all.
 */
export function readAmountInWords(
  tokens: readonly AmountToken[],
  { endsWithCurrency }: { endsWithCurrency: boolean },
): Result<AmountInWords, MoneyWordsError> {
  const hasNumber = tokens.some(isNumberToken);
  const unknown = tokens.find((token) => token.kind === "word" && !KNOWN_WORDS.has(token.text));
  if (unknown !== undefined) {
    const hasAmountWord =
      hasNumber || tokens.some((token) => token.kind === "word" && UNIT_WORDS.has(token.text));
    return hasAmountWord
      ? fail("money-word-unknown", { word: shown(unknown) })
      : fail("money-not-a-number");
  }
  const read = readAmount(new TokenReader(tokens), endsWithCurrency);
  // "triệu", "tỷ triệu", "rưỡi": no number to put in order.
  if (!read.ok && !hasNumber) return fail("money-not-a-number");
  return read;
}
