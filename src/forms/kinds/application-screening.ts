/**
 * The screening before an owner's first application. What the profile
 * already says (legal form, commune, workers) is derived, never asked
 * again; only what it cannot say is asked: whether the establishment
 * produces industrial goods, and its capital when it has more workers than
 * a small or medium enterprise. Every answer is a row of the summary, so it
 * can be changed there; a doubt is explained, never a refusal.
 */

import { communeLabel } from "../../domain/commune-labels.ts";
import { communeByCode } from "../../domain/communes.ts";
import {
  asksCapital,
  type EligibilityConcern,
  eligibilityConcerns,
  PROFILE_CONCERNS,
  type ScreeningAnswer,
} from "../../domain/eligibility.ts";
import { formatMoney } from "../../domain/money.ts";
import type { Province } from "../../domain/province.ts";
import type { ApplicationDraft } from "../../services/applications/drafts.ts";
import { expectChoice } from "../answer-kit.ts";
import type { Message } from "../types.ts";
import type { ApplicationContext, ApplicationQuestion } from "./application-facts.ts";

const YES = "yes";
const NO = "no";
const yesNoAliases = {
  [YES]: ["có", "co", "yes", "c", "đúng", "dung", "ok"],
  [NO]: ["không", "khong", "no", "k", "ko"],
};

/** The limits of a small or medium enterprise, as the texts state them (from the province file). */
export function smallAndMediumVars(province: Province): Record<string, string | number> {
  const { maxWorkers, maxCapital } = province.nationalRules.smallAndMediumLimits.value;
  return { maxWorkers, maxCapital: formatMoney(BigInt(maxCapital)) };
}

/** Asked at all for this draft: before the owner's first application, or already answered on it. */
const screened = (record: ApplicationDraft, { facts }: ApplicationContext): boolean =>
  facts.needsEligibility || record.eligibility !== null;

const WARNING_OF: Record<ScreeningAnswer, string> = {
  industrial: "eligibility-warning-industrial",
  capital: "eligibility-warning-size",
};

/** The warning of a "no", said when it is given and under its row in the summary. */
export function screeningWarning(
  answer: ScreeningAnswer,
  record: ApplicationDraft,
  { province }: ApplicationContext,
): Message[] {
  return record.eligibility?.[answer] === false
    ? [
        {
          key: WARNING_OF[answer],
          vars: { province: province.name, ...smallAndMediumVars(province) },
        },
      ]
    : [];
}

function screeningQuestion(
  answer: ScreeningAnswer,
  applies: (record: ApplicationDraft, context: ApplicationContext) => boolean,
): ApplicationQuestion {
  return {
    id: `eligibility-${answer}`,
    promptKey: `eligibility-q-${answer}`,
    promptVars: (_record, { province, facts }) => ({
      province: province.name,
      workers: facts.establishment.workers ?? 0,
      ...smallAndMediumVars(province),
    }),
    columns: 2,
    choices: () => [
      { value: YES, label: { key: "answer-yes" } },
      { value: NO, label: { key: "answer-no" } },
    ],
    applies,
    isAnswered: (record) => record.eligibility?.[answer] !== undefined,
    accept(input, record, context) {
      const chosen = expectChoice(input, [YES, NO], yesNoAliases);
      if (!chosen.ok) return { ok: false, error: chosen.error };
      const eligibility = { ...(record.eligibility ?? {}), [answer]: chosen.value === YES };
      return {
        ok: true,
        patch: { eligibility },
        notices: screeningWarning(answer, { ...record, eligibility }, context),
      };
    },
    display: (record, _context, t) => {
      const given = record.eligibility?.[answer];
      return given === undefined ? null : t(given ? "answer-yes" : "answer-no");
    },
  };
}

export const industrialQuestion = screeningQuestion("industrial", screened);

/** Asked only when the profile's workers are above a small or medium enterprise's. */
export const capitalQuestion = screeningQuestion(
  "capital",
  (record, context) =>
    screened(record, context) && asksCapital(context.province, context.facts.establishment),
);

/** The concerns for this draft: from the profile, and from its answers. */
export const concernsOf = (record: ApplicationDraft, { province, facts }: ApplicationContext) =>
  eligibilityConcerns(province, facts.establishment, record.eligibility);

/** A concern from the profile, said at the start of an application and under its summary. */
const profileConcernMessage = (
  concern: EligibilityConcern,
  { province, facts }: ApplicationContext,
): Message => ({
  key: `eligibility-concern-${concern}`,
  vars: {
    province: province.name,
    legalForm: facts.establishment.legalForm ?? "",
  },
});

/** What the profile raises (a ward not counted as rural): said when the application starts. */
export function profileConcerns(record: ApplicationDraft, context: ApplicationContext): Message[] {
  return concernsOf(record, context)
    .filter((concern) => PROFILE_CONCERNS.includes(concern))
    .map((concern) => profileConcernMessage(concern, context));
}

/**
 * Under the summary: what the profile says that settles eligibility, what
 * it raises, and the outcome.
 */
export function screeningClosing(record: ApplicationDraft, context: ApplicationContext): Message[] {
  const { establishment } = context.facts;
  const commune = establishment.communeCode
    ? communeByCode(context.province, establishment.communeCode)
    : undefined;
  const concerns = concernsOf(record, context);
  return [
    {
      key: "summary-eligibility-profile",
      vars: {
        legalForm: establishment.legalForm ?? "",
        commune: commune ? communeLabel(commune) : "",
        workers: establishment.workers ?? 0,
      },
    },
    ...profileConcerns(record, context),
    concerns.length === 0
      ? { key: "summary-eligibility-ok" }
      : { key: "summary-eligibility-check", vars: { count: concerns.length } },
  ];
}
