/**
 * Mã số thuế (tax codes) and citizen ids given in their place.
 *
 * - 10 digits: an entity (enterprise, cooperative, household business…); the
 *   10th digit checks the first nine (weights 31,29,23,19,17,13,7,5,3;
 *   check = 10 − (sum mod 11); a result of 10 never occurs in a real code).
 * - 10 digits, "-", 3 digits: a branch or dependent unit; the first ten are
 *   checked. Typed without the dash (13 digits) it is normalised with one.
 * - 12 digits: a citizen id (CCCD), which households and individuals use
 *   as their tax code; it starts with a province code 001–096.
 */
import { fail, ok, type Result } from "./result.ts";

export const TAX_CODE_ERRORS = ["tax-code-empty", "tax-code-format", "tax-code-checksum"] as const;
export type TaxCodeError = (typeof TAX_CODE_ERRORS)[number];

export type TaxCodeKind = "enterprise" | "branch" | "citizen-id";
export type TaxCode = { value: string; kind: TaxCodeKind };

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * The check digit for the first nine digits of a tax code, or undefined
 * when no digit can be valid (sum mod 11 = 0).
 */
export function taxCodeCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (const [index, weight] of WEIGHTS.entries()) sum += Number(firstNine[index]) * weight;
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

function checksumPasses(tenDigits: string): boolean {
  const expected = taxCodeCheckDigit(tenDigits.slice(0, 9));
  return expected !== undefined && expected === Number(tenDigits[9]);
}

export function parseTaxCode(input: string): Result<TaxCode, TaxCodeError> {
  const compact = input
    .trim()
    .replace(/[\s.]/g, "")
    .replace(/[‐‑–—]/g, "-");
  if (compact === "") return fail("tax-code-empty");

  if (/^\d{12}$/.test(compact)) {
    const province = Number(compact.slice(0, 3));
    if (!compact.startsWith("0") || province < 1 || province > 96) return fail("tax-code-format");
    return ok({ value: compact, kind: "citizen-id" });
  }

  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(compact);
  if (match === null) return fail("tax-code-format");
  const [, main = "", branch] = match;
  if (branch === "000") return fail("tax-code-format");
  if (!checksumPasses(main)) return fail("tax-code-checksum");
  return branch === undefined
    ? ok({ value: main, kind: "enterprise" })
    : ok({ value: `${main}-${branch}`, kind: "branch" });
}
