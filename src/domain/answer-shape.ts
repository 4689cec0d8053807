/**
 * What a typed answer looks like, to catch an answer given to the wrong
 * question ("khoảng 25 người" as the trade, a phone number as the product).
 * Only an answer that is wholly of one shape counts: "Máy sấy 500 kg" is
 * text, "500" is a number. The form asks "are you sure?", it never refuses.
 */
import { parseDate, parseMonth } from "./dates.ts";
import { parseMoney } from "./money.ts";
import { parsePhone } from "./phone.ts";
import { parseTaxCode } from "./tax-code.ts";
import { foldVietnamese } from "./text.ts";

export const ANSWER_SHAPES = [
  "phone",
  "email",
  "tax-code",
  "money",
  "count",
  "number",
  "date",
  "text",
] as const;
export type AnswerShape = (typeof ANSWER_SHAPES)[number];

/** Every shape but text: what a name, a trade or a product should not look like. */
export const NOT_TEXT: readonly AnswerShape[] = ANSWER_SHAPES.filter((shape) => shape !== "text");

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const DIGITS_AND_SEPARATORS = /^\+?[\d\s.\-()]+$/;
/** Words around a count: "khoảng 25 người", "trên 10 lao động", "20 công nhân". */
const COUNT =
  /^(?:(?:khoang|tam|chung|gan|hon|tren|duoi|co|la|khoang chung)\s+)?\d+(?:[.,]\d+)?\s*(?:nguoi|lao dong|ld|cong nhan|nhan cong|thanh vien|ho|lao dong thuong xuyen)\.?$/;
const NUMBER = /^(?:(?:khoang|tam|chung|gan|hon|tren|duoi)\s+)?\d+(?:[.,]\d+)*$/;
/** A unit word makes a number an amount of money ("600 triệu", "2 tỷ 5", "sáu trăm triệu"). */
const MONEY_UNIT = /\b(?:trieu|tr|ty|ti|dong|d|vnd|nghin|ngan|k)\b|\d(?:tr|k|ty|ti)\b/;

export function answerShape(typed: string): AnswerShape {
  const text = typed.normalize("NFC").trim();
  if (text === "") return "text";
  const folded = foldVietnamese(text).replace(/\s+/g, " ");
  if (EMAIL.test(text)) return "email";
  if (DIGITS_AND_SEPARATORS.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length >= 9 && parsePhone(text).ok) return "phone";
    if (parseTaxCode(text).ok) return "tax-code";
    if (/[/.-]/.test(text) && (parseDate(text).ok || parseMonth(text).ok)) return "date";
  }
  if (/^\d{1,2}\/\d{4}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) return "date";
  if (COUNT.test(folded)) return "count";
  if (NUMBER.test(folded)) return "number";
  if (MONEY_UNIT.test(folded) && parseMoney(text).ok) return "money";
  return "text";
}

/**
 * Whether an amount is typed as plain figures, with at most one unit:
 * "600 triệu", "600tr", "1,5 tỷ", "850.000.000", "1 500 000 đồng". Anything
 * the parser had to interpret (words, "2 tỷ 5", "1 tỷ 200 triệu", "1tr5",
 * "2 triệu rưỡi") is not: the form reads those back and asks to confirm.
 */
export function isPlainAmount(typed: string): boolean {
  const folded = foldVietnamese(typed.normalize("NFC")).replace(/[.;:!?]+$/, "");
  return /^(?:vnd\s*)?\d{1,3}(?:[ .]\d{3})*(?:,\d+)?\s*(?:trieu|tr|ty|ti|nghin|ngan|k)?\s*(?:dong|d|vnd)?$|^(?:vnd\s*)?\d+(?:[.,]\d+)?\s*(?:trieu|tr|ty|ti|nghin|ngan|k)?\s*(?:dong|d|vnd)?$/.test(
    folded,
  );
}
