/**
 * What the application's questions know besides the draft: its plan year,
 * whether the screening is asked (before an owner's first application), and
 * what the establishment's profile says (the screening derives from it).
 */
import type { Executor } from "../../db/client.ts";
import { communeByCode } from "../../domain/communes.ts";
import type { EstablishmentFacts } from "../../domain/eligibility.ts";
import type { Province } from "../../domain/province.ts";
import {
  type ApplicationDraft,
  type ApplicationPatch,
  ownerAnsweredEligibility,
} from "../../services/applications/drafts.ts";
import { findEstablishment } from "../../services/establishments.ts";
import type { FormRef, Question, QuestionContext } from "../types.ts";

export interface ApplicationFacts {
  planYear: number;
  /** the owner has not answered the screening yet (asked before a first application) */
  needsEligibility: boolean;
  /** the establishment as its profile says (plain JSON) */
  establishment: EstablishmentFacts & { communeCode: string | null };
}

export type ApplicationQuestion = Question<ApplicationDraft, ApplicationPatch, ApplicationFacts>;
export type ApplicationContext = QuestionContext<ApplicationFacts>;

export async function loadApplicationFacts(
  db: Executor,
  province: Province,
  ref: FormRef,
  record: ApplicationDraft,
): Promise<ApplicationFacts> {
  const needsEligibility =
    record.eligibility === null
      ? !(await ownerAnsweredEligibility(db, ref.userId, record.id))
      : false;
  const establishment = await findEstablishment(db, record.establishmentId, ref.userId);
  const commune = establishment?.communeCode
    ? communeByCode(province, establishment.communeCode)
    : undefined;
  return {
    planYear: record.planYear,
    needsEligibility,
    establishment: {
      legalForm: establishment?.legalForm ?? null,
      communeCode: establishment?.communeCode ?? null,
      communeKind: commune?.kind ?? null,
      workers: establishment?.workers ?? null,
    },
  };
}
