/**
 * The 11 support categories (nội dung khuyến công) and the caps on the
 * support one establishment may receive. Names and descriptions live in
 * locales/<lang>/categories.ftl as `category-<id>` and
 * `category-<id>-description`.
 *
 * Caps come from the province file, in two sections kept apart: the national
 * rules (caps on khuyến công quốc gia funds) and the province's choices (its
 * own caps on khuyến công địa phương funds, and whether a local request is
 * compared with the national cap while the province has none). A request
 * above a cap is warned about and explained, never refused.
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

/** The two funding streams. */
export type FundingStream = "local" | "national";

/** A cap as the province file states it (validated by the province schema). */
export interface SupportCap {
  category: SupportCategoryId;
  fromYear: number;
  toYear?: number | undefined;
  maxPercent?: number | undefined;
  /** integer đồng, written as a string in the file */
  maxAmount?: string | undefined;
  /** a complete technology line may receive this many times maxAmount */
  completeLineFactor?: { value: number; confirmed: boolean } | undefined;
  confirmed: boolean;
  note?: string | undefined;
}

/** What the cap rules need of a province (keeps this module free of the province schema). */
export interface CapSource {
  nationalRules: { supportCaps: readonly SupportCap[] };
  provinceChoices: {
    localSupportCaps: readonly SupportCap[];
    localCapsFollowNational: { value: boolean };
  };
}

/**
 * Whose cap applies: the national one to a national request, the province's
 * to a local one, or the national one to a local request while the province
 * has none for the category ("local-by-national": the owner is told).
 */
export type CapBasis = "national" | "local" | "local-by-national";

/** The cap in force for a request, as plain numbers. */
export interface AppliedCap {
  basis: CapBasis;
  maxPercent?: number;
  maxAmount?: bigint;
  /** the most a complete technology line may receive (maxAmount × the factor) */
  lineMaxAmount?: bigint;
  /** every part of it was checked against the official text */
  confirmed: boolean;
  note?: string;
}

/**
 * A request above its cap: `limit` is the most this request may receive
 * (the lower of the percentage of its cost and the amount per establishment).
 */
export interface CapExcess extends AppliedCap {
  limit: bigint;
}

/** Among caps whose years include the plan year, the one that starts latest. */
function capInForce(
  caps: readonly SupportCap[],
  planYear: number,
  category: SupportCategoryId,
): SupportCap | undefined {
  let found: SupportCap | undefined;
  for (const cap of caps) {
    if (cap.category !== category) continue;
    if (cap.fromYear > planYear || (cap.toYear !== undefined && cap.toYear < planYear)) continue;
    if (found === undefined || cap.fromYear > found.fromYear) found = cap;
  }
  return found;
}

/** A cap's numbers: its line amount is maxAmount × the factor, rounded down to whole đồng. */
function applied(cap: SupportCap, basis: CapBasis): AppliedCap {
  const result: AppliedCap = { basis, confirmed: cap.confirmed };
  if (cap.maxPercent !== undefined) result.maxPercent = cap.maxPercent;
  if (cap.maxAmount !== undefined) {
    result.maxAmount = BigInt(cap.maxAmount);
    if (cap.completeLineFactor !== undefined) {
      result.lineMaxAmount = percentOf(result.maxAmount, cap.completeLineFactor.value * 100);
      result.confirmed = result.confirmed && cap.completeLineFactor.confirmed;
    }
  }
  if (cap.note !== undefined) result.note = cap.note;
  return result;
}

/** The cap for a category, stream and plan year, or undefined when none applies. */
export function capFor(
  province: CapSource,
  planYear: number,
  category: SupportCategoryId,
  stream: FundingStream,
): AppliedCap | undefined {
  const national = capInForce(province.nationalRules.supportCaps, planYear, category);
  if (stream === "national") return national && applied(national, "national");
  const local = capInForce(province.provinceChoices.localSupportCaps, planYear, category);
  if (local) return applied(local, "local");
  if (national && province.provinceChoices.localCapsFollowNational.value)
    return applied(national, "local-by-national");
  return undefined;
}

/** floor(amount × percent / 100), exact for percents with up to 4 decimals. */
export function percentOf(amount: bigint, percent: number): bigint {
  const scaled = BigInt(Math.round(percent * 10_000));
  return (amount * scaled) / 1_000_000n;
}

/** The most a request of this total cost may receive under a cap. */
export function supportLimit(cap: AppliedCap, totalCost: bigint): bigint | undefined {
  const byPercent = cap.maxPercent === undefined ? undefined : percentOf(totalCost, cap.maxPercent);
  if (byPercent === undefined) return cap.maxAmount;
  if (cap.maxAmount === undefined) return byPercent;
  return byPercent < cap.maxAmount ? byPercent : cap.maxAmount;
}

/**
 * The excess, when the support requested goes above the cap for the
 * category, stream and plan year; undefined when it does not (or no cap
 * applies). Whether requested exceeds totalCost is the form's own check.
 */
export function checkSupportCap(
  province: CapSource,
  planYear: number,
  category: SupportCategoryId,
  stream: FundingStream,
  totalCost: bigint,
  requested: bigint,
): CapExcess | undefined {
  const cap = capFor(province, planYear, category, stream);
  if (cap === undefined) return undefined;
  const limit = supportLimit(cap, totalCost);
  if (limit === undefined || requested <= limit) return undefined;
  return { ...cap, limit };
}
