import type { I18nFlavor } from "@grammyjs/i18n";
import { type Context, InlineKeyboard, Keyboard } from "grammy";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from "grammy/types";
import { progressOf, summaryQuestions } from "../../forms/progress.ts";
import type {
  AnyFormDefinition,
  AnyQuestion,
  Choice,
  Message,
  QuestionContext,
} from "../../forms/types.ts";
import { escapeHtml } from "../../i18n.ts";
import { clip, TELEGRAM_TEXT_LIMIT, visibleLength } from "../text-limits.ts";
import { formAnswerCallback } from "./callbacks.ts";
import { KEEP_VALUE } from "./reserved-values.ts";

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

/** Starts a new row of buttons, unless the last one is still empty. */
export function nextRow(keyboard: InlineKeyboard): InlineKeyboard {
  const last = keyboard.inline_keyboard.at(-1);
  return last === undefined || last.length > 0 ? keyboard.row() : keyboard;
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
  /** the answer is being changed from the summary: "Đang sửa mục N — hiện tại: …" and "Giữ nguyên" */
  editing?: boolean;
}

/**
 * What is said before a question or the summary, in the same message: the
 * notices of the answer just saved (a read-back, a warning), an intro, a
 * help text. `removeReplyKeyboard`: the message takes the reply keyboard
 * away (the phone's "share" button, the main menu at a form's start).
 */
export interface PromptLead {
  notices: Message[];
  removeReplyKeyboard?: boolean;
}

const EDIT_VALUE_LIMIT = 200;

/** The line above the question: "Bước 4/11", or "Đang sửa mục 8 — hiện tại: 0912 345 678". */
function headLine(ctx: Translating, step: PromptStep, question: AnyQuestion): string {
  if (step.editing) {
    const rows = summaryQuestions(step.definition, step.record, step.context);
    const item = rows.indexOf(question) + 1;
    if (item > 0) {
      const value = question.display(step.record, step.context, (key, vars) => ctx.t(key, vars));
      const shown =
        value === null || value === ""
          ? ctx.t("summary-not-answered")
          : clip(value.replace(/\s+/g, " "), EDIT_VALUE_LIMIT);
      return tHtml(ctx, "form-editing", { item, value: shown });
    }
  }
  const progress = progressOf(step.definition, step.record, question, step.context);
  return ctx.t(progress.key, progress.vars);
}

/** Whether "Giữ nguyên" is offered: editing an answer there is (several files end with their own button). */
const offersKeep = (step: PromptStep, question: AnyQuestion): boolean =>
  step.editing === true && !question.multiple && question.isAnswered(step.record);

/**
 * The message that asks a question: a head line, the question, its notes
 * and its buttons. The same for the first ask, a repeat after bad input,
 * /help and "continue".
 */
export function renderPrompt(
  ctx: Translating,
  step: PromptStep,
  question: AnyQuestion,
): { text: string; markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | undefined } {
  const vars = question.promptVars?.(step.record, step.context) ?? {};
  const notes = (question.promptNotes?.(step.record, step.context) ?? []).map((note) =>
    renderMessage(ctx, note),
  );
  const text = [
    `<i>${headLine(ctx, step, question)}</i>`,
    tHtml(ctx, question.promptKey, vars),
    ...notes,
  ].join("\n");
  const keep = offersKeep(step, question);
  // While editing, the phone is typed: the "Giữ nguyên" button and a reply keyboard cannot share a message.
  if (question.requestContact && !keep) {
    const keyboard = new Keyboard().requestContact(ctx.t("phone-share-button")).resized().oneTime();
    return { text, markup: keyboard };
  }
  const choices = question.choices?.(step.record, step.context) ?? [];
  if (choices.length === 0 && !keep) return { text, markup: undefined };
  const keyboard = choiceKeyboard(ctx, step.token, choices, question.columns ?? 1);
  if (keep) {
    nextRow(keyboard).text(
      ctx.t("form-keep-answer"),
      formAnswerCallback.pack({ token: step.token, value: KEEP_VALUE }),
    );
  }
  return { text, markup: keyboard };
}

/**
 * Sends a text with what leads it, as one message when it can: a message
 * cannot both take the reply keyboard away and carry inline buttons, so
 * then the lead goes first on its own (two messages, never more).
 */
export async function replyWithLead(
  ctx: Translating,
  lead: PromptLead | undefined,
  text: string,
  markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | undefined,
): Promise<{ message_id: number }> {
  const leadText = (lead?.notices ?? []).map((notice) => renderMessage(ctx, notice)).join("\n");
  const remove = lead?.removeReplyKeyboard === true;
  const inline = markup !== undefined && "inline_keyboard" in markup;
  // A long summary led by long notices could pass Telegram's limit together: then apart.
  const tooLong = visibleLength(`${leadText}\n\n${text}`) > TELEGRAM_TEXT_LIMIT;
  if (leadText !== "" && ((remove && inline) || tooLong)) {
    await ctx.reply(leadText, {
      parse_mode: "HTML",
      ...(remove && inline ? { reply_markup: { remove_keyboard: true as const } } : {}),
    });
    const replyMarkup = markup ?? (remove ? { remove_keyboard: true as const } : undefined);
    return ctx.reply(text, {
      parse_mode: "HTML",
      ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
    });
  }
  const body = leadText === "" ? text : `${leadText}\n\n${text}`;
  const replyMarkup = markup ?? (remove ? { remove_keyboard: true as const } : undefined);
  return ctx.reply(body, {
    parse_mode: "HTML",
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
  });
}

export interface SentPrompt {
  /** the question's message */
  messageId: number;
  /** the same, when it carries inline buttons (to take them away once answered) */
  buttonsMessageId: number | undefined;
}

/** Sends the question. */
export async function sendPrompt(
  ctx: Translating,
  step: PromptStep,
  question: AnyQuestion,
  lead?: PromptLead,
): Promise<SentPrompt> {
  const { text, markup } = renderPrompt(ctx, step, question);
  const sent = await replyWithLead(ctx, lead, text, markup);
  return {
    messageId: sent.message_id,
    buttonsMessageId: markup && "inline_keyboard" in markup ? sent.message_id : undefined,
  };
}
