import type { I18nFlavor } from "@grammyjs/i18n";
import { type Context, InlineKeyboard, Keyboard } from "grammy";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from "grammy/types";
import { progressOf } from "../../forms/progress.ts";
import type {
  AnyFormDefinition,
  AnyQuestion,
  Choice,
  Message,
  QuestionContext,
} from "../../forms/types.ts";
import { escapeHtml } from "../../i18n.ts";
import { formAnswerCallback } from "./callbacks.ts";

export type Translating = Context & I18nFlavor;

/** Translates for an HTML message: every string variable is escaped, locale markup is kept. */
export function tHtml(
  ctx: Translating,
  key: string,
  vars?: Record<string, string | number>,
): string {
  if (!vars) return ctx.t(key);
  const escaped: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars))
    escaped[name] = typeof value === "string" ? escapeHtml(value) : value;
  return ctx.t(key, escaped);
}

export const renderMessage = (ctx: Translating, message: Message): string =>
  tHtml(ctx, message.key, message.vars);

export function choiceLabel(ctx: Translating, choice: Choice): string {
  // Button labels are plain text: no escaping.
  return `${choice.prefix ?? ""}${ctx.t(choice.label.key, choice.label.vars)}`;
}

export function choiceKeyboard(
  ctx: Translating,
  token: string,
  choices: Choice[],
  columns = 1,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  choices.forEach((choice, index) => {
    keyboard.text(
      choiceLabel(ctx, choice),
      formAnswerCallback.pack({ token, value: choice.value }),
    );
    if ((index + 1) % columns === 0) keyboard.row();
  });
  return keyboard;
}

/** What a prompt is drawn from: the form, its draft, and the question's token. */
export interface PromptStep {
  definition: AnyFormDefinition;
  record: unknown;
  token: string;
  context: QuestionContext;
}

/**
 * The message that asks a question: a progress line, the question, and its
 * buttons. The same for the first ask, a repeat after bad input, /help and
 * "continue".
 */
export function renderPrompt(
  ctx: Translating,
  step: PromptStep,
  question: AnyQuestion,
): { text: string; markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | undefined } {
  const progress = progressOf(step.definition, step.record, question, step.context);
  const vars = question.promptVars?.(step.record, step.context) ?? {};
  const text = `<i>${ctx.t(progress.key, progress.vars)}</i>\n${tHtml(ctx, question.promptKey, vars)}`;
  if (question.requestContact) {
    const keyboard = new Keyboard().requestContact(ctx.t("phone-share-button")).resized().oneTime();
    return { text, markup: keyboard };
  }
  const choices = question.choices?.(step.record, step.context) ?? [];
  if (choices.length === 0) return { text, markup: undefined };
  return { text, markup: choiceKeyboard(ctx, step.token, choices, question.columns ?? 1) };
}

/** Sends the question; returns the message id when it carries inline buttons (to take them away once answered). */
export async function sendPrompt(
  ctx: Translating,
  step: PromptStep,
  question: AnyQuestion,
): Promise<number | undefined> {
  const { text, markup } = renderPrompt(ctx, step, question);
  const sent = await ctx.reply(text, {
    parse_mode: "HTML",
    ...(markup ? { reply_markup: markup } : {}),
  });
  return markup && "inline_keyboard" in markup ? sent.message_id : undefined;
}
