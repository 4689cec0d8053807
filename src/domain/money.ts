/**
 * Amounts of money in Vietnamese đồng, as people type them and as official
 * documents write them. Amounts are integer VND held in a bigint; parsing
 * works on decimal strings, never on floats.
 *
 * Conventions: "." groups thousands, "," is the decimal mark. A single dot
 * followed by one or two digits ("1.5 tỷ") is read as a decimal mark too,
 * since phone keyboards put "." first; a dot followed by three digits is a
 * thousands separator ("1.500" = 1500).
 *
 * Figures with units ("1 tỷ 200 triệu", "2 triệu rưỡi") are read here; as
 * soon as a number word appears ("sáu trăm triệu", "1 tỷ hai trăm triệu"),
 * the tokens go to money-words.ts, which reads words and figures together.
 */
import {
  type AmountToken,
  CURRENCY_WORDS,
  type Decimal,
  isFigureWord,
  NGHIN,
  ROUND_WORD,
  readAmountInWords,
  TRIEU,
  TY,
  UNIT_WORDS,
} from "./money-words.ts";
import { fail, ok, type Result } from "./result.ts";
import { foldVietnamese } from "./text.ts";

export const MONEY_ERRORS = [
  "money-empty",
  "money-not-a-number",
  "money-ambiguous",
  "money-too-small",
  "money-missing-unit",
  "money-too-large",
  "money-negative",
  "money-fraction-of-dong",
  "money-word-unknown",
  "money-word-order",
] as const;
export type MoneyError = (typeof MONEY_ERRORS)[number];

/** The smallest amount accepted: 1.000 đ. */
export const MONEY_MIN = NGHIN;
/** The largest amount accepted: 1.000.000 tỷ đ (anything above is a typo). */
export const MONEY_MAX = 1_000_000n * TY;

/** `original`: the word as typed, for a refusal that names it. */
type Token = { kind: "number"; text: string } | { kind: "word"; text: string; original: string };

type Component = { number: Decimal; raw: string; unit: bigint | null };

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function decimalFromParts(integerPart: string, fractionPart: string): Decimal {
  return { digits: BigInt(integerPart + fractionPart), scale: fractionPart.length };
}

/**
 * Reads one number as typed ("1.500.000", "2.010,7", "1,5", "1.5").
 * `hasUnit`: a unit word follows, which settles "1,500" as 1,5.
 */
function parseDecimal(text: string, hasUnit: boolean): Decimal | "ambiguous" {
  if (/^\d+$/.test(text)) return decimalFromParts(text, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return decimalFromParts(text.replaceAll(".", ""), "");
  const dotDecimal = /^(\d+)\.(\d{1,2})$/.exec(text);
  if (dotDecimal) return decimalFromParts(dotDecimal[1] ?? "", dotDecimal[2] ?? "");
  const commaDecimal = /^(\d+|\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(text);
  if (commaDecimal) {
    // "1,500" alone could be 1,5 or 1.500 (English style): ask.
    if (!hasUnit && /^\d{1,3},\d{3}$/.test(text)) return "ambiguous";
    return decimalFromParts((commaDecimal[1] ?? "").replaceAll(".", ""), commaDecimal[2] ?? "");
  }
  // "1,500,000": commas grouping thousands (English style) cannot be a decimal.
  if (/^\d{1,3}(,\d{3}){2,}$/.test(text)) return decimalFromParts(text.replaceAll(",", ""), "");
  return "ambiguous";
}

/**
 * Splits the folded text into numbers and words. A comma after a word
 * separates ("một tỷ, hai trăm triệu"); any other sign is no amount.
 * `typed`: the text as typed, whose words name the folded ones in refusals.
 */
function tokenize(folded: string, typed: string): Token[] | "not-a-number" {
  const tokens: Token[] = [];
  for (const match of folded.matchAll(/(\d[\d.,]*)|([a-z]+)|(\s+)|(.)/g)) {
    if (match[1] !== undefined) tokens.push({ kind: "number", text: match[1] });
    else if (match[2] !== undefined) {
      tokens.push({ kind: "word", text: match[2], original: match[2] });
    } else if (match[4] !== undefined) {
      if (match[4] === "," && tokens.at(-1)?.kind === "word") continue;
      return "not-a-number";
    }
  }
  // Each word as typed folds to one folded word; if a rare letter broke
  // that, refusals name the folded word instead.
  const typedWords = [...typed.matchAll(/[\p{L}\p{M}]+/gu)].map((match) => match[0]);
  const words = tokens.filter((token) => token.kind === "word");
  if (typedWords.length === words.length) {
    for (const [index, word] of words.entries()) word.original = typedWords[index] ?? word.text;
  }
  return tokens;
}

/** Joins "1 500 000" typed with spaces; refuses other runs of bare numbers. */
function joinSpacedNumbers(tokens: Token[]): Token[] | "ambiguous" {
  const joined: Token[] = [];
  for (const token of tokens) {
    const previous = joined.at(-1);
    if (token.kind === "number" && previous?.kind === "number") {
      if (!/^\d{1,3}( \d{3})*$/.test(previous.text) || !/^\d{3}$/.test(token.text)) {
        return "ambiguous";
      }
      previous.text = `${previous.text} ${token.text}`;
    } else {
      joined.push({ ...token });
    }
  }
  for (const token of joined) {
    if (token.kind === "number") token.text = token.text.replaceAll(" ", "");
  }
  return joined;
}

function isInteger(d: Decimal): boolean {
  return d.digits % pow10(d.scale) === 0n;
}

/** "1,5" / "600" / "2.010,7": a decimal written the Vietnamese way. */
function formatDecimal(d: Decimal): string {
  const divisor = pow10(d.scale);
  const integer = d.digits / divisor;
  let fraction = (d.digits % divisor).toString().padStart(d.scale, "0").replace(/0+$/, "");
  if (d.scale === 0) fraction = "";
  return fraction === "" ? groupThousands(integer) : `${groupThousands(integer)},${fraction}`;
}

/**
 * Parses an amount typed by a person into integer VND, in figures, in words
 * or both. Examples: "1.500.000", "600 triệu", "600tr", "2.010,7 triệu",
 * "1,5 tỷ", "2 tỷ 5" (2,5 tỷ), "1 tỷ 200 triệu", "1 tỷ 200" (1,2 tỷ), "500k",
 * "sáu trăm triệu đồng", "một tỷ rưỡi", "mot ty ruoi", "1 tỷ hai trăm triệu".
 */
export function parseMoney(input: string): Result<bigint, MoneyError> {
  const trimmed = input.normalize("NFC").trim();
  if (trimmed === "") return fail("money-empty");
  const folded = foldVietnamese(trimmed).replace(/[.,;:!?]+$/, "");
  if (/^([-−–]|am\s)/.test(folded)) return fail("money-negative");

  const tokenized = tokenize(folded, trimmed);
  if (tokenized === "not-a-number") return fail("money-not-a-number");
  const tokens = joinSpacedNumbers(tokenized);
  if (tokens === "ambiguous") return fail("money-ambiguous");

  const currency = takeCurrencyWords(tokens);
  if (tokens.length === 0) return fail("money-not-a-number");
  return isInFigures(tokens) ? parseFigures(tokens, currency) : parseWords(tokens, currency);
}

/** What the currency words around an amount said. */
type Currency = {
  /** "đồng", "đ", "VND" or "chẵn" was written. */
  any: boolean;
  /** "đồng", "đ" or "VND" ended it, as documents write amounts in words. */
  endsWithCurrency: boolean;
};

/** Takes "đồng", "đ", "VND", "chẵn" off the end and "VND" off the front. */
function takeCurrencyWords(tokens: Token[]): Currency {
  const currency: Currency = { any: false, endsWithCurrency: false };
  while (tokens.length > 0) {
    const last = tokens.at(-1);
    if (last?.kind !== "word") break;
    const isCurrency = CURRENCY_WORDS.has(last.text);
    if (!isCurrency && last.text !== ROUND_WORD) break;
    tokens.pop();
    currency.any = true;
    if (isCurrency) currency.endsWithCurrency = true;
  }
  if (tokens[0]?.kind === "word" && tokens[0].text === "vnd") {
    tokens.shift();
    currency.any = true;
  }
  return currency;
}

/** Figures with units ("1 tỷ 200 triệu", "1tr5", "2 triệu rưỡi"), no number words. */
function isInFigures(tokens: Token[]): boolean {
  return (
    tokens[0]?.kind === "number" &&
    tokens.every((token) => token.kind === "number" || isFigureWord(token.text))
  );
}

/** The last checks of every amount: within bounds, whole đồng. */
function toWholeDong(amount: Decimal): Result<bigint, MoneyError> {
  const denominator = pow10(amount.scale);
  if (amount.digits > MONEY_MAX * denominator) return fail("money-too-large");
  if (amount.digits % denominator !== 0n) return fail("money-fraction-of-dong");
  const value = amount.digits / denominator;
  if (value < MONEY_MIN) return fail("money-too-small");
  return ok(value);
}

/** An amount holding number words; figures in it are read here, the words in money-words.ts. */
function parseWords(tokens: Token[], currency: Currency): Result<bigint, MoneyError> {
  const amountTokens: AmountToken[] = [];
  for (const [position, token] of tokens.entries()) {
    if (token.kind === "word") {
      amountTokens.push(token);
      continue;
    }
    const next = tokens[position + 1];
    const hasUnit = next?.kind === "word" && UNIT_WORDS.has(next.text);
    const value = parseDecimal(token.text, hasUnit);
    if (value === "ambiguous") return fail("money-ambiguous");
    amountTokens.push({ kind: "figure", raw: token.text, value });
  }
  const read = readAmountInWords(amountTokens, currency);
  if (!read.ok) return read;
  const { amount, bare } = read.value;
  if (bare && amount.digits < MONEY_MIN * pow10(amount.scale)) {
    // "sáu trăm" alone: as with "600", ask whether triệu was meant.
    if (amount.digits === 0n || currency.any) return fail("money-too-small");
    return fail("money-missing-unit", { suggestion: `${formatDecimal(amount)} triệu` });
  }
  return toWholeDong(amount);
}

/** An amount in figures and unit words (the reader from before words were accepted). */
function parseFigures(tokens: Token[], { any: hadCurrency }: Currency): Result<bigint, MoneyError> {
  // "2 triệu rưỡi" = 2 triệu 5 = 2,5 triệu.
  for (const [position, token] of tokens.entries()) {
    const previous = tokens[position - 1];
    if (token.kind === "word" && token.text === "ruoi" && previous?.kind === "word") {
      tokens[position] = { kind: "number", text: "5" };
    }
  }

  // Group into number + unit(s) components.
  const components: Component[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token?.kind !== "number") return fail("money-not-a-number");
    index += 1;
    let unit: bigint | null = null;
    let lastUnitWord = "";
    while (index < tokens.length) {
      const next = tokens[index];
      if (next?.kind !== "word") break;
      const value = UNIT_WORDS.get(next.text) ?? (next.text === "tram" ? 100n : undefined);
      if (value === undefined) return fail("money-not-a-number");
      // "nghìn tỷ", "5 trăm nghìn" multiply; "tỷ triệu" makes no sense.
      if (unit !== null && value <= unit) return fail("money-ambiguous");
      unit = unit === null ? value : unit * value;
      lastUnitWord = next.text;
      index += 1;
    }
    // "2 triệu 5 trăm" could be 2.000.500 or 2,5 triệu: ask.
    if (lastUnitWord === "tram") return fail("money-ambiguous");
    const number = parseDecimal(token.text, unit !== null);
    if (number === "ambiguous") return fail("money-ambiguous");
    components.push({ number, raw: token.text, unit });
  }

  const first = components[0];
  if (first === undefined) return fail("money-not-a-number");

  // A bare number: "1500000", or "600" meaning 600 triệu.
  if (components.length === 1 && first.unit === null) {
    const { number } = first;
    if (number.digits < MONEY_MIN * pow10(number.scale)) {
      if (number.digits === 0n) return fail("money-too-small");
      if (hadCurrency) {
        return isInteger(number) ? fail("money-too-small") : fail("money-fraction-of-dong");
      }
      if ((number.digits * TRIEU) % pow10(number.scale) !== 0n) return fail("money-too-small");
      return fail("money-missing-unit", { suggestion: `${formatDecimal(number)} triệu` });
    }
  }

  // Sum the components as a fraction over a common power of ten (at least
  // 10^3: a trailing "1 tỷ 250" reads up to three digits after the mark).
  const scale = Math.max(...components.map((c) => c.number.scale), 3);
  let numerator = 0n;
  let previousUnit: bigint | null = null;
  for (const [position, component] of components.entries()) {
    const isLast = position === components.length - 1;
    const compound = components.length > 1;
    let { unit } = component;
    let { number } = component;
    if (unit === null) {
      if (previousUnit === null) {
        unit = 1n;
      } else {
        // "2 tỷ 5", "1 tỷ 200", "50 triệu 500": digits after the decimal mark.
        if (!/^\d{1,3}$/.test(component.raw)) return fail("money-ambiguous");
        number = { digits: BigInt(component.raw), scale: component.raw.length };
        unit = previousUnit;
      }
    } else if (previousUnit !== null) {
      if (unit >= previousUnit) return fail("money-ambiguous");
      // "1 tỷ 1500 triệu": a part must stay below the unit before it.
      if (number.digits >= (previousUnit / unit) * pow10(number.scale)) {
        return fail("money-ambiguous");
      }
    }
    if (compound && !(isLast && component.unit !== null) && component.unit !== null) {
      if (!isInteger(number)) return fail("money-ambiguous");
    }
    if (
      compound &&
      component.unit === null &&
      !isInteger(components[position - 1]?.number ?? number)
    ) {
      return fail("money-ambiguous");
    }
    numerator += number.digits * unit * pow10(scale - number.scale);
    previousUnit = unit;
  }

  return toWholeDong({ digits: numerator, scale });
}

/** 1500000n → "1.500.000". */
function groupThousands(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** amount / unit written with a decimal comma and no trailing zeros: "1,25". */
function inUnit(amount: bigint, unit: bigint): string {
  const scale = unit.toString().length - 1;
  return formatDecimal({ digits: amount, scale });
}

/** "1.500.000 đ". */
export function formatMoneyFull(amount: bigint): string {
  if (amount < 0n) return `-${formatMoneyFull(-amount)}`;
  return `${groupThousands(amount)} đ`;
}

/**
 * An amount as people write it: "600 triệu đồng", "1,5 tỷ đồng",
 * "2.010,7 triệu đồng", otherwise "1.234.567 đ". The output parses back
 * with parseMoney to the same amount.
 */
export function formatMoney(amount: bigint): string {
  if (amount < 0n) return `-${formatMoney(-amount)}`;
  if (amount === 0n) return "0 đ";
  if (amount % TRIEU === 0n) {
    return amount >= TY ? `${inUnit(amount, TY)} tỷ đồng` : `${inUnit(amount, TRIEU)} triệu đồng`;
  }
  if (amount % 100_000n === 0n && amount >= TRIEU) return `${inUnit(amount, TRIEU)} triệu đồng`;
  return formatMoneyFull(amount);
}

const DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

const digitWord = (d: number): string => DIGIT_WORDS[d] ?? "";

/** Reads 0–999; `full` reads "không trăm" and "linh" as in a group after the first. */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const words: string[] = [];
  const withHundreds = full || hundreds > 0;
  if (withHundreds) words.push(digitWord(hundreds), "trăm");
  if (tens === 0) {
    if (units > 0) {
      if (withHundreds) words.push("linh");
      words.push(digitWord(units));
    }
  } else if (tens === 1) {
    words.push("mười");
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digitWord(units));
  } else {
    words.push(digitWord(tens), "mươi");
    if (units === 1) words.push("mốt");
    else if (units === 4) words.push("tư");
    else if (units === 5) words.push("lăm");
    else if (units > 0) words.push(digitWord(units));
  }
  return words;
}

/** Reads 1 ≤ n < 1 tỷ. `leading`: nothing is read before it. */
function readBelowTy(n: bigint, leading: boolean): string[] {
  const groups: [bigint, string][] = [
    [n / TRIEU, "triệu"],
    [(n / NGHIN) % NGHIN, "nghìn"],
    [n % NGHIN, ""],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [value, name] of groups) {
    if (value === 0n) continue;
    words.push(...readGroup(Number(value), !first));
    if (name !== "") words.push(name);
    first = false;
  }
  return words;
}

function readNumber(n: bigint, leading: boolean): string[] {
  if (n < TY) return readBelowTy(n, leading);
  const words = [...readNumber(n / TY, leading), "tỷ"];
  const rest = n % TY;
  if (rest > 0n) words.push(...readBelowTy(rest, false));
  return words;
}

/**
 * The amount in words for official documents: "Sáu trăm triệu đồng",
 * "Hai tỷ không trăm mười triệu bảy trăm nghìn đồng". Style: "linh" for a
 * zero ten (một trăm linh năm), "mốt", "tư" and "lăm" after tens (hai mươi
 * mốt, hai mươi tư, mười lăm), "nghìn" (not "ngàn").
 */
export function moneyInWords(amount: bigint): string {
  const negative = amount < 0n;
  const absolute = negative ? -amount : amount;
  const words = absolute === 0n ? ["không"] : readNumber(absolute, true);
  if (negative) words.unshift("âm");
  words.push("đồng");
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
