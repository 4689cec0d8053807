import { describe, expect, it } from "vitest";
import { parseTaxCode, type TaxCodeError, taxCodeCheckDigit } from "../../src/domain/tax-code.ts";

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** Builds a valid 10-digit code from 9 digits, independently of the module. */
function validCode(firstNine: string): string | undefined {
  const sum = [...firstNine].reduce(
    (total, digit, i) => total + Number(digit) * (WEIGHTS[i] ?? 0),
    0,
  );
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : `${firstNine}${check}`;
}

/** Real codes whose check digit passes (4900100209 does not: not used). */
const KNOWN = ["0100109106", "0101243150", "0100100079", "0300588569", "0100233583"];

describe("the check digit", () => {
  it.each(KNOWN)("known code %s passes", (code) => {
    expect(taxCodeCheckDigit(code.slice(0, 9))).toBe(Number(code[9]));
    expect(validCode(code.slice(0, 9))).toBe(code);
  });

  it("4900100209 fails the documented checksum", () => {
    expect(parseTaxCode("4900100209")).toMatchObject({ ok: false, error: "tax-code-checksum" });
  });

  it("a sum divisible by 11 has no valid check digit", () => {
    // 0 + ... with all zeros: sum 0 → check 10 → invalid
    expect(taxCodeCheckDigit("000000000")).toBeUndefined();
    for (let d = 0; d <= 9; d += 1) {
      expect(parseTaxCode(`000000000${d}`)).toMatchObject({
        ok: false,
        error: "tax-code-checksum",
      });
    }
  });

  it("generated codes pass and every one-digit change fails", () => {
    const seeds = ["490010020", "010010910", "420012345", "030058856", "230071234", "470034567"];
    let checked = 0;
    for (const seed of seeds) {
      const code = validCode(seed);
      if (code === undefined) continue;
      expect(parseTaxCode(code)).toEqual({ ok: true, value: { value: code, kind: "enterprise" } });
      for (let position = 0; position < 10; position += 1) {
        for (let digit = 0; digit <= 9; digit += 1) {
          if (String(digit) === code[position]) continue;
          const changed = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
          expect(parseTaxCode(changed).ok, changed).toBe(false);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe("parseTaxCode accepts", () => {
  it.each<[string, string, "enterprise" | "branch" | "citizen-id"]>([
    ["0100109106", "0100109106", "enterprise"],
    ["0101243150", "0101243150", "enterprise"],
    ["0100 109 106", "0100109106", "enterprise"],
    ["0100.109.106", "0100109106", "enterprise"],
    [" 0100109106 ", "0100109106", "enterprise"],
    ["0100109106-001", "0100109106-001", "branch"],
    ["0100109106 - 001", "0100109106-001", "branch"],
    ["0100109106–012", "0100109106-012", "branch"],
    ["0100109106001", "0100109106-001", "branch"],
    ["0101243150-123", "0101243150-123", "branch"],
    ["020195001234", "020195001234", "citizen-id"],
    ["001095012345", "001095012345", "citizen-id"],
    ["096300123456", "096300123456", "citizen-id"],
    ["020 195 001 234", "020195001234", "citizen-id"],
  ])("%s → %s (%s)", (input, value, kind) => {
    expect(parseTaxCode(input)).toEqual({ ok: true, value: { value, kind } });
  });
});

describe("parseTaxCode refuses", () => {
  it.each<[string, TaxCodeError]>([
    ["", "tax-code-empty"],
    ["  ", "tax-code-empty"],
    ["abc", "tax-code-format"],
    ["010010910", "tax-code-format"],
    ["01001091066", "tax-code-format"],
    ["0100109106-01", "tax-code-format"],
    ["0100109106-0001", "tax-code-format"],
    ["0100109106-000", "tax-code-format"],
    ["0100109106/001", "tax-code-format"],
    ["MST 0100109106", "tax-code-format"],
    ["01001O9106", "tax-code-format"],
    ["12345678901234", "tax-code-format"],
    ["120195001234", "tax-code-format"],
    ["000195001234", "tax-code-format"],
    ["097195001234", "tax-code-format"],
    ["0100109107", "tax-code-checksum"],
    ["0100109105", "tax-code-checksum"],
    ["1100109106", "tax-code-checksum"],
    ["0100109107-001", "tax-code-checksum"],
    ["0100109107001", "tax-code-checksum"],
    ["0101243151", "tax-code-checksum"],
  ])("%s → %s", (input, error) => {
    const result = parseTaxCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });
});
