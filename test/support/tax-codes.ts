import { taxCodeCheckDigit } from "../../src/domain/tax-code.ts";

/** A valid 10-digit tax code of its own for each seed (one establishment per tax code). */
export function validTaxCode(seed: number): string {
  for (let n = seed * 7 + 100_000_000; ; n++) {
    const firstNine = String(n % 1_000_000_000).padStart(9, "0");
    const check = taxCodeCheckDigit(firstNine);
    if (check !== undefined) return `${firstNine}${check}`;
  }
}
