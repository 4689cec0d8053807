/**
 * Bổ sung (and moving a not-selected national application to the local
 * programme): the owner answers again exactly the application's questions an
 * officer flagged, through the application's own question definitions, over
 * a draft of new answers (application_supplements). Nothing reaches the
 * application until the owner resubmits; the history keeps both versions.
 */

import { formatMoney } from "../../domain/money.ts";
import type { ApplicationDraft, ApplicationPatch } from "../../services/applications/drafts.ts";
import {
  findOpenSupplement,
  latestOpenSupplementOf,
  resubmitSupplement,
  saveSupplementAnswer,
} from "../../services/applications/supplements.ts";
import type { FormDefinition, Message } from "../types.ts";
import { applicationForm } from "./application.ts";
import { type ApplicationFacts, loadApplicationFacts } from "./application-facts.ts";

/** The application's field each question answers (what is cleared until answered again). */
export const FIELD_OF_QUESTION: Record<string, keyof ApplicationDraft> = {
  program: "program",
  category: "category",
  title: "title",
  description: "description",
  "total-cost": "totalCost",
  requested: "requestedSupport",
  counterpart: "counterpartFunds",
  "period-start": "periodStart",
  "period-end": "periodEnd",
  results: "expectedResults",
};

/** The questions an officer may flag for bổ sung: the application's, without the pre-check. */
export const FLAGGABLE_QUESTIONS = applicationForm.questions.filter(
  (question) => FIELD_OF_QUESTION[question.id] !== undefined,
);

export interface SupplementRecord extends ApplicationDraft {
  /** the bổ sung's id (the application's is `applicationId`) */
  id: number;
  applicationId: number;
  purpose: "supplement" | "transfer";
  note: string | null;
  flagged: string[];
  /** the answers as they were, to show what changes */
  before: Record<string, string | null>;
}

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const supplementQuestions = applicationForm.questions
  .filter(
    (question) => FIELD_OF_QUESTION[question.id] !== undefined || question.id === "attachments",
  )
  .map((question) => ({
    ...question,
    label: question.label ?? { key: `summary-label-application-${question.id}` },
    // Flagged questions, those an answer cleared on the way (a smaller total clears the support
    // asked), and the files, which may always be added.
    applies: (record: SupplementRecord) => {
      const field = FIELD_OF_QUESTION[question.id];
      return (
        question.id === "attachments" ||
        record.flagged.includes(question.id) ||
        (field !== undefined && record[field] === null)
      );
    },
  }));

export const supplementForm: FormDefinition<SupplementRecord, ApplicationPatch, ApplicationFacts> =
  {
    kind: "supplement",
    roles: ["applicant", "officer", "admin"],
    questions: supplementQuestions,
    async load(db, ref) {
      const draft = await findOpenSupplement(db, ref.recordId, ref.userId);
      if (!draft) return undefined;
      const { supplement, application } = draft;
      const answers = supplement.answers as Partial<ApplicationDraft>;
      const record: SupplementRecord = {
        ...application,
        ...answers,
        id: supplement.id,
        applicationId: application.id,
        purpose: supplement.purpose,
        note: supplement.note,
        flagged: supplement.questionIds,
        attachmentsDone: answers.attachmentsDone === true,
        before: {},
      };
      for (const questionId of supplement.questionIds) {
        const field = FIELD_OF_QUESTION[questionId];
        if (!field) continue;
        record.before[questionId] = asText(application[field]);
        if (!(field in answers)) (record as unknown as Record<string, unknown>)[field] = null;
      }
      return record;
    },
    save: (db, ref, patch) => saveSupplementAnswer(db, ref.recordId, ref.userId, patch),
    // The application's own facts (its plan year, what the profile says), never the screening again.
    facts: async (db, deps, ref, record) => ({
      ...(await loadApplicationFacts(db, deps.province, ref, record)),
      needsEligibility: false,
    }),
    async start(deps, userId, args) {
      const draft =
        args.recordId === undefined
          ? undefined
          : await findOpenSupplement(deps.db, args.recordId, userId);
      if (!draft) return { kind: "refused", message: { key: "supplement-not-open" } };
      const { supplement, application } = draft;
      const intro: Message =
        supplement.purpose === "transfer"
          ? { key: "supplement-intro-transfer", vars: { code: application.code ?? "" } }
          : {
              key: supplement.note ? "supplement-intro" : "supplement-intro-without-note",
              vars: { code: application.code ?? "", note: supplement.note ?? "" },
            };
      return { kind: "open", recordId: supplement.id, intro };
    },
    async submit(deps, ref) {
      const result = await resubmitSupplement(deps, {
        supplementId: ref.recordId,
        ownerId: ref.userId,
      });
      if (!result.ok) return { kind: "refused", message: { key: "supplement-not-open" } };
      return {
        kind: "done",
        message: {
          key: result.purpose === "transfer" ? "supplement-transferred" : "supplement-sent",
          vars: { code: result.code ?? "", changes: result.changes.length },
        },
      };
    },
    resumable: (db, userId) => latestOpenSupplementOf(db, userId),
    summary: {
      title: (record) => ({
        key:
          record.purpose === "transfer"
            ? "supplement-summary-transfer"
            : "supplement-summary-title",
        vars: { code: record.code ?? "" },
      }),
      footer: () => ({ key: "supplement-summary-footer" }),
      rowSuffix(questionId, record) {
        if (!(questionId in record.before)) return null;
        const before = record.before[questionId] ?? null;
        if (before === null) return null;
        const field = FIELD_OF_QUESTION[questionId];
        const shown =
          field && ["totalCost", "requestedSupport", "counterpartFunds"].includes(field)
            ? formatMoney(BigInt(before))
            : before;
        return `${"←"} ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}`;
      },
      submitLabel: (record) => ({
        key: record.purpose === "transfer" ? "supplement-submit-transfer" : "supplement-submit",
      }),
    },
  };
