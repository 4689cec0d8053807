import { InlineKeyboard } from "grammy";
import { questionLabel, summaryQuestions } from "../../forms/progress.ts";
import type { AnyFormDefinition, QuestionContext } from "../../forms/types.ts";
import { escapeHtml } from "../../i18n.ts";
import { clip } from "../text-limits.ts";
import { formSummaryCallback } from "./callbacks.ts";
import { nextRow, renderMessage, type Translating } from "./prompt.ts";

const SUMMARY_VALUE_LIMIT = 500;

/**
 * Every answer, numbered; "Sửa mục N" buttons change one answer and come
 * back here. A row's warnings (a request above its cap) stand under it,
 * with how to fix it.
 */
export function renderSummary(
  ctx: Translating,
  definition: AnyFormDefinition,
  record: unknown,
  context: QuestionContext,
  token: string,
): { text: string; keyboard: InlineKeyboard } {
  const t = (key: string, vars?: Record<string, string | number>) => ctx.t(key, vars);
  const { summary } = definition;
  const questions = summaryQuestions(definition, record, context);
  const lines = [`<b>${renderMessage(ctx, summary.title(record, context))}</b>`];
  questions.forEach((question, index) => {
    const value = question.display(record, context, t);
    let shown =
      value === null || value === ""
        ? `<i>${ctx.t("summary-not-answered")}</i>`
        : escapeHtml(clip(value, SUMMARY_VALUE_LIMIT));
    const suffix = value === null ? null : summary.rowSuffix?.(question.id, record, context);
    if (suffix) shown += ` <i>(${escapeHtml(suffix)})</i>`;
    lines.push(
      `${index + 1}. ${renderMessage(ctx, questionLabel(definition, question))}: ${shown}`,
    );
    const warnings = summary.rowWarnings?.(question.id, record, context) ?? [];
    if (warnings.length > 0) {
      const said = warnings.map((warning) => renderMessage(ctx, warning)).join(" ");
      lines.push(`   ${said} ${ctx.t("summary-fix-hint", { item: index + 1 })}`);
    }
  });
  const closing = summary.closing?.(record, context) ?? [];
  if (closing.length > 0) lines.push("", ...closing.map((message) => renderMessage(ctx, message)));
  lines.push("", renderMessage(ctx, summary.footer(record, context)));

  const keyboard = new InlineKeyboard();
  questions.forEach((question, index) => {
    keyboard.text(
      ctx.t("summary-edit-button", { number: index + 1 }),
      formSummaryCallback.pack({ token, action: "edit", question: question.id }),
    );
    if ((index + 1) % 4 === 0) keyboard.row();
  });
  nextRow(keyboard);
  const submit = summary.submitLabel(record);
  keyboard.text(
    ctx.t(submit.key, submit.vars),
    formSummaryCallback.pack({ token, action: "submit", question: "" }),
  );
  if (summary.offerLater) {
    keyboard
      .row()
      .text(
        ctx.t("summary-later"),
        formSummaryCallback.pack({ token, action: "later", question: "" }),
      );
  }
  return { text: lines.join("\n"), keyboard };
}
