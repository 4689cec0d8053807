/** Where a form stands, from its definition and its draft alone (pure). */
import type { AnyFormDefinition, AnyQuestion, Message, QuestionContext } from "./types.ts";

export const sectionOf = (question: AnyQuestion): string => question.section ?? "main";

/** The questions asked of this record, in order. */
export function applicableQuestions(
  definition: AnyFormDefinition,
  record: unknown,
  context: QuestionContext,
): AnyQuestion[] {
  return definition.questions.filter((question) => question.applies?.(record, context) ?? true);
}

/** Where a form resumes: its first applicable question without an answer. */
export function firstUnanswered(
  definition: AnyFormDefinition,
  record: unknown,
  context: QuestionContext,
): AnyQuestion | undefined {
  return applicableQuestions(definition, record, context).find(
    (question) => !question.isAnswered(record),
  );
}

/** The rows of the summary: the applicable questions it lists. */
export function summaryQuestions(
  definition: AnyFormDefinition,
  record: unknown,
  context: QuestionContext,
): AnyQuestion[] {
  return applicableQuestions(definition, record, context).filter(
    (question) => !question.hiddenInSummary,
  );
}

/** "Bước 4/11" (or "Câu hỏi sơ bộ 2/4" in another section). */
export function progressOf(
  definition: AnyFormDefinition,
  record: unknown,
  question: AnyQuestion,
  context: QuestionContext,
): Message {
  const section = sectionOf(question);
  const inSection = applicableQuestions(definition, record, context).filter(
    (q) => sectionOf(q) === section,
  );
  return {
    key: definition.progressKeys?.[section] ?? "form-progress",
    vars: { step: inSection.indexOf(question) + 1, total: inSection.length },
  };
}

/** The row label of a question in the summary. */
export const questionLabel = (definition: AnyFormDefinition, question: AnyQuestion): Message =>
  question.label ?? { key: `summary-label-${definition.kind}-${question.id}` };

export const helpKeyOf = (question: AnyQuestion): string =>
  question.helpKey ?? `${question.promptKey}-help`;
