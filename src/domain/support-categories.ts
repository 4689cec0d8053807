/**
 * The 11 support categories (nội dung khuyến công) and the caps a province
 * sets on them. Names and descriptions live in locales/<lang>/categories.ftl
 * as `category-<id>` and `category-<id>-description`.
 */

export const SUPPORT_CATEGORY_IDS = [
  "training",
  "management",
  "demonstration-model",
  "machinery",
  "typical-products",
  "fairs-showrooms",
  "design-trademark",
  "consulting",
  "cleaner-production",
  "industrial-clusters",
  "information",
] as const;
export type SupportCategoryId = (typeof SUPPORT_CATEGORY_IDS)[number];

export type SupportCategory = { id: SupportCategoryId; number: number };

/** In the order and with the numbers of the decree (1–11). */
export const SUPPORT_CATEGORIES: readonly SupportCategory[] = SUPPORT_CATEGORY_IDS.map(
  (id, index) => ({ id, number: index + 1 }),
);

export function isSupportCategoryId(value: string): value is SupportCategoryId {
  return (SUPPORT_CATEGORY_IDS as readonly string[]).includes(value);
}

/** A cap as the province file states it (validated by the province schema). */
export interface SupportCap {
  category: SupportCategoryId;
  fromYear: number;
  toYear?: number | undefined;
  maxPercent?: number | undefined;
  /** integer đồng, written as a string in the file */
  maxAmount?: string | undefined;
  note?: string | undefined;
}

/** What the cap rules need of a province: its caps (keeps this module free of the province schema). */
export interface CapSource {
  supportCaps: readonly SupportCap[];
}

/**
 * A request above a cap: the bot warns and explains, it never refuses.
 * `note` is the officer's note on the cap from the province file, if any.
 */
export type CapWarning =
  | { kind: "over-percent"; maxPercent: number; maxAllowed: bigint; note?: string }
  | { kind: "over-amount"; maxAmount: bigint; note?: string };

/**
 * The cap in force for a category in a plan year: among the caps whose
 * years include the plan year, the one that starts latest.
 */
export function capFor(
  province: CapSource,
  planYear: number,
  category: SupportCategoryId,
): SupportCap | undefined {
  let found: SupportCap | undefined;
  for (const cap of province.supportCaps) {
    if (cap.category !== category) continue;
    if (cap.fromYear > planYear || (cap.toYear !== undefined && cap.toYear < planYear)) continue;
    if (found === undefined || cap.fromYear > found.fromYear) found = cap;
  }
  return found;
}

/** floor(amount × percent / 100), exact for percents with up to 4 decimals. */
function percentOf(amount: bigint, percent: number): bigint {
  const scaled = BigInt(Math.round(percent * 10_000));
  return (amount * scaled) / 1_000_000n;
}

/**
 * Warnings when the support requested goes above the cap for the category
 * and year. Whether requested exceeds totalCost is the form's own check.
 */
export function checkSupportCaps(
  province: CapSource,
  planYear: number,
  category: SupportCategoryId,
  totalCost: bigint,
  requested: bigint,
): CapWarning[] {
  const cap = capFor(province, planYear, category);
  if (cap === undefined) return [];
  const note = cap.note === undefined ? {} : { note: cap.note };
  const maxAmount = cap.maxAmount === undefined ? undefined : BigInt(cap.maxAmount);
  const warnings: CapWarning[] = [];
  if (cap.maxPercent !== undefined) {
    const byPercent = percentOf(totalCost, cap.maxPercent);
    if (requested > byPercent) {
      const maxAllowed = maxAmount !== undefined && maxAmount < byPercent ? maxAmount : byPercent;
      warnings.push({ kind: "over-percent", maxPercent: cap.maxPercent, maxAllowed, ...note });
    }
  }
  if (maxAmount !== undefined && requested > maxAmount) {
    warnings.push({ kind: "over-amount", maxAmount, ...note });
  }
  return warnings;
}
