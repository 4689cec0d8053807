/** The application (phiếu đăng ký hỗ trợ khuyến công), one question at a time. */
import type { AppDependencies } from "../../dependencies.ts";
import { formatDate, localParts } from "../../domain/dates.ts";
import { registrationWindow } from "../../domain/plan-year.ts";
import {
  type ApplicationDraft,
  type ApplicationPatch,
  createApplicationDraft,
  deleteApplicationDraft,
  findApplication,
  findLatestDraft,
  ownerAnsweredEligibility,
  updateApplicationDraft,
} from "../../services/applications/drafts.ts";
import { submitApplication } from "../../services/applications/submission.ts";
import { findOwnersEstablishment } from "../../services/establishments.ts";
import { textQuestion } from "../answer-kit.ts";
import type { FormDefinition } from "../types.ts";
import {
  type ApplicationFacts,
  amountInWords,
  attachmentsQuestion,
  categoryQuestion,
  counterpartQuestion,
  eligibilityQuestion,
  monthQuestion,
  programQuestion,
  requestedQuestion,
  totalCostQuestion,
} from "./application-questions.ts";

const AMOUNT_FIELDS: Record<string, keyof ApplicationDraft> = {
  "total-cost": "totalCost",
  requested: "requestedSupport",
  counterpart: "counterpartFunds",
};

export const applicationForm: FormDefinition<ApplicationDraft, ApplicationPatch, ApplicationFacts> =
  {
    kind: "application",
    roles: ["applicant", "officer", "admin"],
    entry: { command: "apply", menuKey: "menu-apply" },
    progressKeys: { eligibility: "form-progress-eligibility" },
    async load(db, ref) {
      const record = await findApplication(db, ref.recordId, ref.userId);
      return record?.status === "draft" ? record : undefined;
    },
    save: (db, ref, patch) => updateApplicationDraft(db, ref.recordId, ref.userId, patch),
    async facts(db, _deps, ref, record) {
      const needsEligibility =
        record.eligibility === null
          ? !(await ownerAnsweredEligibility(db, ref.userId, record.id))
          : false;
      return { planYear: record.planYear, needsEligibility };
    },
    async start(deps: AppDependencies, userId) {
      const { db, clock, province, config } = deps;
      const establishment = await findOwnersEstablishment(db, userId);
      if (!establishment?.completed) {
        return { kind: "redirect", form: "profile", args: { continueWith: "application" } };
      }
      const draft = await findLatestDraft(db, userId);
      if (draft)
        return { kind: "open", recordId: draft.id, intro: { key: "application-resume-draft" } };
      const window = registrationWindow(clock.now(), province, config.timeZone);
      const created = await createApplicationDraft(db, {
        ownerId: userId,
        establishmentId: establishment.id,
        planYear: window.planYear,
      });
      return {
        kind: "open",
        recordId: created.id,
        intro: {
          key: "application-intro",
          vars: {
            year: String(window.planYear),
            deadline: formatDate(localParts(window.registrationDeadline, config.timeZone)),
            establishment: establishment.name ?? "",
          },
        },
      };
    },
    async submit(deps, ref, record) {
      const submitted = await submitApplication(deps, { id: ref.recordId, ownerId: ref.userId });
      if ("error" in submitted) {
        return { kind: "refused", message: { key: "application-already-submitted" } };
      }
      return {
        kind: "done",
        message: {
          key: "application-receipt",
          vars: {
            code: submitted.code,
            title: record.title ?? "",
            date: formatDate(localParts(submitted.submittedAt, deps.config.timeZone)),
            agency: deps.province.agencyName,
          },
        },
      };
    },
    async resumable(db, userId) {
      return (await findLatestDraft(db, userId))?.id;
    },
    async discard(db, ref) {
      await deleteApplicationDraft(db, ref.recordId, ref.userId);
      return true;
    },
    summary: {
      title: (record) => ({
        key: "summary-application-title",
        vars: { year: String(record.planYear) },
      }),
      footer: () => ({ key: "summary-application-footer" }),
      // Amounts are also written in words, as official documents do.
      rowSuffix(questionId, record) {
        const field = AMOUNT_FIELDS[questionId];
        return field ? amountInWords(record[field] as string | null) : null;
      },
      closing(record) {
        if (!record.eligibility) return [];
        const noes = Object.values(record.eligibility).filter((answer) => !answer).length;
        return [
          {
            key: noes === 0 ? "summary-eligibility-ok" : "summary-eligibility-check",
            vars: { count: noes },
          },
        ];
      },
      submitLabel: () => ({ key: "summary-submit" }),
      offerLater: true,
    },
    questions: [
      eligibilityQuestion("industrial"),
      eligibilityQuestion("location"),
      eligibilityQuestion("legal-form"),
      eligibilityQuestion("size"),
      programQuestion,
      categoryQuestion,
      textQuestion({
        id: "title",
        promptKey: "application-q-title",
        field: "title",
        maxLength: 200,
      }),
      textQuestion({
        id: "description",
        promptKey: "application-q-description",
        field: "description",
        maxLength: 2000,
        multiline: true,
      }),
      totalCostQuestion,
      requestedQuestion,
      counterpartQuestion,
      monthQuestion("start"),
      monthQuestion("end"),
      textQuestion({
        id: "results",
        promptKey: "application-q-results",
        field: "expectedResults",
        maxLength: 1000,
        multiline: true,
      }),
      attachmentsQuestion,
    ],
  };
