/**
 * Who may receive khuyến công support, checked before an application: what
 * the establishment's profile already says (its legal form, its commune, its
 * workers) is derived here; only what the profile cannot say is asked
 * (whether it produces industrial goods, and its capital when it has more
 * workers than a small or medium enterprise). A doubt is a point for an
 * officer to look at, never a refusal.
 */
import type { LegalFormId, NationalRules, ProvinceChoices } from "./province.ts";

/** The answers asked in the screening, kept with the application. */
export const SCREENING_ANSWERS = ["industrial", "capital"] as const;
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];

/** What the profile says, as the screening needs it. */
export interface EstablishmentFacts {
  legalForm: LegalFormId | null;
  /** the commune's kind: a xã is rural; a phường as the province chooses */
  communeKind: "xa" | "phuong" | null;
  workers: number | null;
}

export interface EligibilityRules {
  nationalRules: Pick<NationalRules, "smallAndMediumLimits" | "eligibleLegalForms">;
  provinceChoices: Pick<ProvinceChoices, "wardsAreRural">;
}

/** A point an officer will look at: from the profile (fixed there) or from an answer. */
export type EligibilityConcern =
  /** answered "no" to producing industrial or handicraft goods */
  | "not-industrial"
  /** in a phường, which the province does not count as rural */
  | "not-rural"
  /** a legal form that may not apply */
  | "legal-form"
  /** above the workers' limit, and answered "no" to the capital limit */
  | "size";

/** The concerns that come from the profile (fixed by editing the profile). */
export const PROFILE_CONCERNS: readonly EligibilityConcern[] = ["not-rural", "legal-form"];

/** Whether the capital question is asked: only when the workers are above the limit. */
export function asksCapital(rules: EligibilityRules, facts: EstablishmentFacts): boolean {
  return (
    facts.workers !== null &&
    facts.workers > rules.nationalRules.smallAndMediumLimits.value.maxWorkers
  );
}

/**
 * The concerns for an establishment and its answers, in a stable order. An
 * answer not given yet raises nothing.
 */
export function eligibilityConcerns(
  rules: EligibilityRules,
  facts: EstablishmentFacts,
  answers: Partial<Record<string, boolean>> | null,
): EligibilityConcern[] {
  const concerns: EligibilityConcern[] = [];
  if (answers?.industrial === false) concerns.push("not-industrial");
  if (facts.communeKind === "phuong" && !rules.provinceChoices.wardsAreRural.value)
    concerns.push("not-rural");
  if (facts.legalForm !== null && !rules.nationalRules.eligibleLegalForms.includes(facts.legalForm))
    concerns.push("legal-form");
  if (asksCapital(rules, facts) && answers?.capital === false) concerns.push("size");
  return concerns;
}
