import { InlineKeyboard } from "grammy";
import { communeByCode, communeLabel } from "../../domain/communes.ts";
import { formatPhone } from "../../domain/phone.ts";
import { escapeHtml } from "../../i18n.ts";
import type { FormRecord } from "../../services/forms.ts";
import { clip } from "../text-limits.ts";
import { amountInWords } from "./application-form.ts";
import type { Translating } from "./prompt.ts";
import { applicableQuestions } from "./registry.ts";
import type { QuestionContext } from "./types.ts";

const SUMMARY_VALUE_LIMIT = 500;

export const summaryCallback = (token: string, action: string): string => `sum:${token}:${action}`;
export const SUMMARY_CALLBACK = /^sum:([A-Za-z0-9]{1,16}):(submit|later|e:[a-z-]{1,30})$/;

const shorten = (text: string): string => clip(text, SUMMARY_VALUE_LIMIT);

/** Every answer, numbered, amounts also in words; "Sửa mục N" buttons change one answer and come back here. */
export function renderSummary(
  ctx: Translating,
  form: FormRecord,
  context: QuestionContext,
  token: string,
): { text: string; keyboard: InlineKeyboard } {
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  const questions = applicableQuestions(form, context).filter(
    (question) => question.section === "main",
  );
  const lines: string[] = [];
  if (form.kind === "application") {
    lines.push(
      `<b>${ctx.t("summary-application-title", { year: String(form.record.planYear) })}</b>`,
    );
  } else {
    lines.push(`<b>${ctx.t("summary-profile-title")}</b>`);
  }
  questions.forEach((question, index) => {
    const value = question.display(form.record, context, t);
    let shown =
      value === null || value === ""
        ? `<i>${ctx.t("summary-not-answered")}</i>`
        : escapeHtml(shorten(value));
    if (form.kind === "application") {
      const words =
        question.id === "total-cost"
          ? amountInWords(form.record.totalCost)
          : question.id === "requested"
            ? amountInWords(form.record.requestedSupport)
            : question.id === "counterpart"
              ? amountInWords(form.record.counterpartFunds)
              : null;
      if (words) shown += ` <i>(${escapeHtml(words)})</i>`;
    }
    lines.push(`${index + 1}. ${ctx.t(`summary-label-${form.kind}-${question.id}`)}: ${shown}`);
  });
  if (form.kind === "application" && form.record.eligibility) {
    const noes = Object.values(form.record.eligibility).filter((answer) => !answer).length;
    lines.push(
      "",
      ctx.t(noes === 0 ? "summary-eligibility-ok" : "summary-eligibility-check", { count: noes }),
    );
  }
  lines.push(
    "",
    ctx.t(form.kind === "application" ? "summary-application-footer" : "summary-profile-footer"),
  );

  const keyboard = new InlineKeyboard();
  questions.forEach((question, index) => {
    keyboard.text(
      ctx.t("summary-edit-button", { number: index + 1 }),
      summaryCallback(token, `e:${question.id}`),
    );
    if ((index + 1) % 4 === 0) keyboard.row();
  });
  keyboard.row();
  if (form.kind === "application") {
    keyboard.text(ctx.t("summary-submit"), summaryCallback(token, "submit")).row();
    keyboard.text(ctx.t("summary-later"), summaryCallback(token, "later"));
  } else {
    keyboard.text(
      ctx.t(form.record.completed ? "summary-profile-close" : "summary-profile-confirm"),
      summaryCallback(token, "submit"),
    );
  }
  return { text: lines.join("\n"), keyboard };
}

/** How a commune code reads, for places outside the form (lists, officers' views). */
export function communeName(context: QuestionContext, code: string | null): string {
  if (!code) return "";
  const commune = communeByCode(context.province, code);
  return commune ? communeLabel(commune) : code;
}

export const phoneForDisplay = (e164: string | null): string => (e164 ? formatPhone(e164) : "");
