/** The application (hồ sơ đề nghị hỗ trợ khuyến công), one question at a time. */
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
  updateApplicationDraft,
} from "../../services/applications/drafts.ts";
import { submitApplication } from "../../services/applications/submission.ts";
import { findOwnersEstablishment } from "../../services/establishments.ts";
import type { FormDefinition, Message } from "../types.ts";
import {
  amountInWords,
  capWarning,
  counterpartQuestion,
  counterpartWarning,
  requestedQuestion,
  totalCostQuestion,
} from "./application-amounts.ts";
import { type ApplicationFacts, loadApplicationFacts } from "./application-facts.ts";
import {
  applicationText,
  attachmentsQuestion,
  categoryQuestion,
  monthQuestion,
  programQuestion,
} from "./application-questions.ts";
import {
  capitalQuestion,
  industrialQuestion,
  profileConcerns,
  screeningClosing,
  screeningWarning,
} from "./application-screening.ts";

const AMOUNT_FIELDS: Record<string, keyof ApplicationDraft> = {
  "total-cost": "totalCost",
  requested: "requestedSupport",
  counterpart: "counterpartFunds",
};

/**
 * Which plan year the application registers for and until when, in one
 * line; past this year's deadline, why it is the year after next.
 */
function planYearLine(deps: AppDependencies): { planYear: number; line: Message } {
  const { clock, province, config } = deps;
  const window = registrationWindow(clock.now(), province, config.timeZone);
  const date = (at: Date) => formatDate(localParts(at, config.timeZone));
  const vars = { year: String(window.planYear), deadline: date(window.registrationDeadline) };
  const line: Message = window.closed
    ? {
        key: "application-plan-year-after-deadline",
        vars: {
          ...vars,
          closedYear: String(window.closed.planYear),
          closedDeadline: date(window.closed.registrationDeadline),
        },
      }
    : { key: "application-plan-year", vars };
  return { planYear: window.planYear, line };
}

export const applicationForm: FormDefinition<ApplicationDraft, ApplicationPatch, ApplicationFacts> =
  {
    kind: "application",
    roles: ["applicant", "officer", "admin"],
    entry: { command: "apply", menuKey: "menu-apply" },
    names: { form: "form-name-application", resumeButton: "menu-resume" },
    draftName: (record) => record.title,
    async load(db, ref) {
      const record = await findApplication(db, ref.recordId, ref.userId);
      return record?.status === "draft" ? record : undefined;
    },
    save: (db, ref, patch) => updateApplicationDraft(db, ref.recordId, ref.userId, patch),
    facts: (db, deps, ref, record) => loadApplicationFacts(db, deps.province, ref, record),
    async start(deps: AppDependencies, userId) {
      const { db } = deps;
      const establishment = await findOwnersEstablishment(db, userId);
      if (!establishment?.completed) {
        return { kind: "redirect", form: "profile", args: { continueWith: "application" } };
      }
      const draft = await findLatestDraft(db, userId);
      if (draft)
        return { kind: "open", recordId: draft.id, intro: { key: "application-resume-draft" } };
      const { planYear, line } = planYearLine(deps);
      const created = await createApplicationDraft(db, {
        ownerId: userId,
        establishmentId: establishment.id,
        planYear,
      });
      const facts = await loadApplicationFacts(
        db,
        deps.province,
        { recordId: created.id, userId },
        created,
      );
      const context = {
        province: deps.province,
        nowIso: deps.clock.now().toISOString(),
        timeZone: deps.config.timeZone,
        facts,
      };
      return {
        kind: "open",
        recordId: created.id,
        intro: [
          { key: "application-intro", vars: { establishment: establishment.name ?? "" } },
          line,
          ...profileConcerns(created, context),
          { key: "application-intro-how" },
        ],
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
      rowWarnings(questionId, record, context) {
        if (questionId === "requested") return capWarning(record, context);
        if (questionId === "counterpart") return counterpartWarning(record);
        if (questionId === "eligibility-industrial")
          return screeningWarning("industrial", record, context);
        if (questionId === "eligibility-capital")
          return screeningWarning("capital", record, context);
        return [];
      },
      closing: screeningClosing,
      submitLabel: () => ({ key: "summary-submit" }),
      offerLater: true,
    },
    questions: [
      industrialQuestion,
      capitalQuestion,
      programQuestion,
      categoryQuestion,
      applicationText("title", "title", 200),
      applicationText("description", "description", 2000, { multiline: true }),
      totalCostQuestion,
      requestedQuestion,
      counterpartQuestion,
      monthQuestion("start"),
      monthQuestion("end"),
      applicationText("results", "expectedResults", 1000, { multiline: true }),
      attachmentsQuestion,
    ],
  };
