import { NOT_TEXT } from "../../domain/answer-shape.ts";
import { compareMonths, formatMonth, parseMonth } from "../../domain/dates.ts";
import { SUPPORT_CATEGORIES } from "../../domain/support-categories.ts";
import type { ApplicationDraft, ApplicationPatch } from "../../services/applications/drafts.ts";
import { expectChoice, expectText, invalid, textQuestion, wrongKind } from "../answer-kit.ts";
import type { Accepted } from "../types.ts";
import type { ApplicationFacts, ApplicationQuestion } from "./application-facts.ts";

/**
 * The questions of the application (hồ sơ đề nghị hỗ trợ) besides its
 * screening (application-screening.ts) and its amounts
 * (application-amounts.ts).
 */

export const MAX_ATTACHMENTS = 10;
export const DONE_VALUE = "done";

/** A free-text answer of the application, asked about when it looks like another question's. */
export function applicationText(
  id: string,
  field: "title" | "description" | "expectedResults",
  maxLength: number,
  options: { multiline?: boolean } = {},
): ApplicationQuestion {
  return textQuestion<ApplicationDraft, ApplicationPatch, ApplicationFacts>({
    id,
    promptKey: `application-q-${id}`,
    field,
    maxLength,
    ...(options.multiline ? { multiline: true } : {}),
    // A title or description is never only a figure, a phone, an amount: those belong elsewhere.
    unlikely: field === "expectedResults" ? ["phone", "email", "tax-code", "money"] : NOT_TEXT,
  });
}

const MONTH_PREFIX = "m:";

export function monthQuestion(id: "start" | "end"): ApplicationQuestion {
  const field = id === "start" ? "periodStart" : "periodEnd";
  return {
    id: `period-${id}`,
    promptKey: `application-q-period-${id}`,
    promptVars: (record, { facts }) => ({
      year: String(facts.planYear),
      start: record.periodStart ? formatMonth(toMonth(record.periodStart)) : "",
    }),
    // Twelve buttons (the months of the plan year; for the end, from the start on): typing is optional.
    columns: 4,
    choices: (record, { facts }) => {
      const first = id === "end" && record.periodStart ? toMonth(record.periodStart).month : 1;
      return Array.from({ length: 13 - first }, (_, i) => first + i).map((month) => ({
        value: `${MONTH_PREFIX}${month}`,
        label: { key: "raw", vars: { text: `${month}/${facts.planYear}` } },
      }));
    },
    isAnswered: (record) => record[field] !== null,
    accept(input, record, { facts }) {
      let typed: string;
      if (input.kind === "choice") {
        const month = Number(input.value.slice(MONTH_PREFIX.length));
        if (
          !input.value.startsWith(MONTH_PREFIX) ||
          !Number.isInteger(month) ||
          month < 1 ||
          month > 12
        ) {
          return { ok: false, error: { key: "form-use-buttons" } };
        }
        typed = `${month}/${facts.planYear}`;
      } else {
        const checked = expectText(input, 30);
        if (!checked.ok) return { ok: false, error: checked.error };
        typed = checked.text;
      }
      const parsed = parseMonth(typed);
      if (!parsed.ok) return { ok: false, error: invalid(parsed, typed) };
      const month = parsed.value;
      if (month.year !== facts.planYear) {
        return {
          ok: false,
          error: {
            key: "period-outside-plan-year",
            vars: { year: String(facts.planYear), input: formatMonth(month) },
          },
        };
      }
      if (
        id === "end" &&
        record.periodStart &&
        compareMonths(month, toMonth(record.periodStart)) < 0
      ) {
        return {
          ok: false,
          error: {
            key: "period-end-before-start",
            vars: { start: formatMonth(toMonth(record.periodStart)) },
          },
        };
      }
      const value = `${month.year}-${String(month.month).padStart(2, "0")}`;
      const patch: ApplicationPatch = { [field]: value };
      // A new start after the saved end makes the end a question again.
      if (id === "start" && record.periodEnd && record.periodEnd < value) patch.periodEnd = null;
      return { ok: true, patch };
    },
    display: (record) => (record[field] ? formatMonth(toMonth(record[field] as string)) : null),
  };
}

const toMonth = (value: string) => ({
  year: Number(value.slice(0, 4)),
  month: Number(value.slice(5, 7)),
});

export const programQuestion: ApplicationQuestion = {
  id: "program",
  promptKey: "application-q-program",
  choices: () => [
    { value: "local", label: { key: "program-local" } },
    { value: "national", label: { key: "program-national" } },
  ],
  isAnswered: (record) => record.program !== null,
  accept(input) {
    const chosen = expectChoice(input, ["local", "national"]);
    if (!chosen.ok) return { ok: false, error: chosen.error };
    return { ok: true, patch: { program: chosen.value as "local" | "national" } };
  },
  display: (record, _context, t) => (record.program ? t(`program-${record.program}`) : null),
};

export const categoryQuestion: ApplicationQuestion = {
  id: "category",
  promptKey: "application-q-category",
  // The question lists each category in full; its button carries the number and a short name.
  columns: 2,
  choices: () =>
    SUPPORT_CATEGORIES.map((category) => ({
      value: category.id,
      label: { key: `category-${category.id}-short` },
      prefix: `${category.number}. `,
    })),
  isAnswered: (record) => record.category !== null,
  accept(input) {
    const chosen = expectChoice(
      input,
      SUPPORT_CATEGORIES.map((c) => c.id),
      Object.fromEntries(SUPPORT_CATEGORIES.map((c) => [c.id, [String(c.number)]])),
    );
    if (!chosen.ok) return { ok: false, error: chosen.error };
    return { ok: true, patch: { category: chosen.value } };
  },
  display: (record, _context, t) => (record.category ? t(`category-${record.category}`) : null),
};

export const attachmentsQuestion: ApplicationQuestion = {
  id: "attachments",
  promptKey: "application-q-attachments",
  promptVars: (record) => ({ count: record.fileCount, max: MAX_ATTACHMENTS }),
  choices: (record) => [
    {
      value: DONE_VALUE,
      label: { key: record.fileCount > 0 ? "attachments-done" : "attachments-skip" },
    },
  ],
  multiple: true,
  keepAskingMessage: (record) => ({
    key: "attachments-received",
    vars: { count: record.fileCount, max: MAX_ATTACHMENTS },
  }),
  isAnswered: (record) => record.attachmentsDone,
  accept(input, record): Accepted<ApplicationPatch> {
    if (input.kind === "choice") {
      if (input.value !== DONE_VALUE) return { ok: false, error: { key: "form-use-buttons" } };
      return { ok: true, patch: { attachmentsDone: true } };
    }
    if (input.kind === "text" && /^(xong|done|bỏ qua|bo qua|skip)$/i.test(input.text.trim())) {
      return { ok: true, patch: { attachmentsDone: true } };
    }
    if (input.kind !== "file")
      return {
        ok: false,
        error: input.kind === "text" ? { key: "attachments-expected-file" } : wrongKind(input),
      };
    if (record.fileCount >= MAX_ATTACHMENTS)
      return { ok: false, error: { key: "attachments-full", vars: { max: MAX_ATTACHMENTS } } };
    return { ok: true, patch: { addFile: input.file }, keepAsking: true };
  },
  display: (record, _context, t) =>
    record.attachmentsDone ? t("attachments-count", { count: record.fileCount }) : null,
};
