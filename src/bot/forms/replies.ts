/**
 * What the form conversation says besides the question itself: the
 * rewriting of a pressed question ("✅ Đã chọn: …"), the read-back that asks
 * to confirm an answer, the acknowledgement of one more file, a page of a
 * list. Each sends at most one message.
 */
import { InlineKeyboard } from "grammy";
import type { Accepted, AnyQuestion, Message, QuestionContext } from "../../forms/types.ts";
import type { FormContext } from "../context.ts";
import { formAnswerCallback } from "./callbacks.ts";
import {
  choiceKeyboard,
  choiceLabel,
  nextRow,
  type PromptLead,
  type PromptStep,
  renderMessage,
  renderPrompt,
  tHtml,
} from "./prompt.ts";
import { confirmValue } from "./reserved-values.ts";

/**
 * Rewrites the pressed message so a person sees what was taken, and takes
 * its buttons away (so they cannot be pressed twice): `line` is added under
 * its text; without a line only the buttons go.
 */
export async function acknowledgePress(
  ctx: FormContext,
  text: string | undefined,
  line: string | undefined,
): Promise<void> {
  if (!ctx.callbackQuery?.message) return;
  if (text === undefined || line === undefined) {
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return;
  }
  await ctx.editMessageText(`${text}\n\n${line}`, { parse_mode: "HTML" }).catch(() => undefined);
}

/** "✅ Đã chọn: Hợp tác xã", or the pressed choice's own words ("✅ Đã bỏ qua"). */
export function chosenLine(
  ctx: FormContext,
  question: AnyQuestion,
  asked: PromptStep,
  record: unknown,
  value: string,
): string | undefined {
  const choice = question.choices?.(asked.record, asked.context).find((c) => c.value === value);
  if (choice?.acknowledgement) return `✅ ${renderMessage(ctx, choice.acknowledgement)}`;
  const chosen = question.display(record, asked.context, (key, vars) => ctx.t(key, vars));
  return chosen ? `✅ ${tHtml(ctx, "form-chosen", { value: chosen })}` : undefined;
}

/** The pressed question's own text, to write the acknowledgement under. */
export const promptText = (ctx: FormContext, asked: PromptStep, question: AnyQuestion): string =>
  renderPrompt(ctx, asked, question).text;

/** "↩️ Giữ nguyên: 0912 345 678" under the question being edited. */
export function keptLine(
  ctx: FormContext,
  question: AnyQuestion,
  step: PromptStep,
): string | undefined {
  const value = question.display(step.record, step.context, (key, vars) => ctx.t(key, vars));
  return `↩️ ${tHtml(ctx, "form-kept-answer", { value: value ?? "" })}`;
}

export type Confirmation = Extract<Accepted<unknown>, { ok: "confirm" }>;

/**
 * Reads an answer back and asks to confirm it: two buttons, confirm (with
 * the answer in its label when it is short) and type again. Returns the
 * message id (its buttons go once the question is answered).
 */
export async function askConfirmation(
  ctx: FormContext,
  token: string,
  number: number,
  confirmation: Confirmation,
): Promise<number> {
  const keyboard = new InlineKeyboard()
    .text(
      choiceLabel(ctx, {
        value: "",
        label: confirmation.confirmLabel ?? { key: "form-confirm-yes" },
      }),
      formAnswerCallback.pack({ token, value: confirmValue("yes", number) }),
    )
    .row()
    .text(
      ctx.t("form-confirm-retype"),
      formAnswerCallback.pack({ token, value: confirmValue("no", number) }),
    );
  const sent = await ctx.reply(renderMessage(ctx, confirmation.message), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
  return sent.message_id;
}

/**
 * One more answer to a question that takes several (files): a short
 * acknowledgement with the "done" button, not the whole question again. The
 * photos of an album arrive one by one: one acknowledgement, updated.
 */
export async function acknowledgeOneMore(
  ctx: FormContext,
  question: AnyQuestion,
  step: PromptStep,
  lastAck: { group: string; messageId: number } | undefined,
  notices: Message[],
): Promise<{ group: string; messageId: number } | undefined> {
  const message = question.keepAskingMessage?.(step.record, step.context);
  const said = [...notices, message ?? { key: "form-answer-saved" }];
  const text = said.map((line) => renderMessage(ctx, line)).join("\n");
  const choices = question.choices?.(step.record, step.context) ?? [];
  const keyboard = choiceKeyboard(ctx, step.token, choices);
  const group = ctx.message?.media_group_id;
  if (group !== undefined && lastAck?.group === group && ctx.chat) {
    await ctx.api
      .editMessageText(ctx.chat.id, lastAck.messageId, text, {
        parse_mode: "HTML",
        reply_markup: keyboard,
      })
      .catch(() => undefined);
    return lastAck;
  }
  const sent = await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  return group === undefined ? undefined : { group, messageId: sent.message_id };
}

/** A page of a question's list (the communes), a new message or the list turned in place. */
export async function showPage(
  ctx: FormContext,
  question: AnyQuestion,
  context: QuestionContext,
  token: string,
  value: string,
): Promise<void> {
  const page = question.pager?.page(value, context);
  if (!page) return;
  const keyboard = choiceKeyboard(ctx, token, page.choices, page.columns);
  nextRow(keyboard);
  for (const arrow of [page.previous, page.next]) {
    if (arrow) {
      keyboard.text(
        choiceLabel(ctx, { value: arrow.value, label: arrow.label }),
        formAnswerCallback.pack({ token, value: arrow.value }),
      );
    }
  }
  const text = renderMessage(ctx, page.text);
  if (page.replace) {
    await ctx.editMessageText(text, { reply_markup: keyboard }).catch(() => undefined);
  } else {
    await ctx.reply(text, { reply_markup: keyboard });
  }
}

/** Takes the buttons off these messages of the question (the pressed one was rewritten already). */
export async function removeButtons(ctx: FormContext, messageIds: number[]): Promise<void> {
  const pressed = ctx.callbackQuery?.message?.message_id;
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  for (const id of new Set(messageIds)) {
    if (id !== pressed) await ctx.api.editMessageReplyMarkup(chatId, id).catch(() => undefined);
  }
}

/** The lead of the next step: the answer's notices; after the phone's share button, its removal. */
export const leadAfterAnswer = (
  question: AnyQuestion,
  notices: Message[],
  editing: boolean,
): PromptLead => ({
  notices,
  ...(question.requestContact && !editing ? { removeReplyKeyboard: true } : {}),
});
