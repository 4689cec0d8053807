import type { ApplicationDraft } from "../../services/applications.ts";
import type { EstablishmentDraft } from "../../services/establishments.ts";
import type { FormRecord } from "../../services/forms.ts";
import { applicationForm } from "./application-form.ts";
import { profileForm } from "./profile-form.ts";
import type { FormKind, Question, QuestionContext } from "./types.ts";

// biome-ignore lint/suspicious/noExplicitAny: questions of both forms are handled alike
export type AnyQuestion = Question<any, any>;

export function questionsOf(kind: FormKind): AnyQuestion[] {
  return kind === "profile" ? profileForm.questions : applicationForm.questions;
}

export function findQuestion(kind: FormKind, id: string): AnyQuestion | undefined {
  return questionsOf(kind).find((question) => question.id === id);
}

/** The questions asked of this record, in order (eligibility only before a first application). */
export function applicableQuestions(form: FormRecord, context: QuestionContext): AnyQuestion[] {
  const record: EstablishmentDraft | ApplicationDraft = form.record;
  return questionsOf(form.kind).filter((question) => question.applies?.(record, context) ?? true);
}

/** Where a form resumes: its first applicable question without an answer. */
export function firstUnanswered(
  form: FormRecord,
  context: QuestionContext,
): AnyQuestion | undefined {
  return applicableQuestions(form, context).find((question) => !question.isAnswered(form.record));
}

/** "Bước 4/11" (or "Câu hỏi sơ bộ 2/4" for eligibility). */
export function progressOf(
  form: FormRecord,
  question: AnyQuestion,
  context: QuestionContext,
): { key: string; vars: { step: number; total: number } } {
  const inSection = applicableQuestions(form, context).filter(
    (q) => q.section === question.section,
  );
  return {
    key: question.section === "eligibility" ? "form-progress-eligibility" : "form-progress",
    vars: { step: inSection.indexOf(question) + 1, total: inSection.length },
  };
}
