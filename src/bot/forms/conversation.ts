import type { Conversation } from "@grammyjs/conversations";
import {
  type FormStep,
  isQuestionOpen,
  loadStep,
  markQuestionAsked,
  questionContext,
  saveAnswer,
} from "../../forms/engine.ts";
import type { AnyQuestion, Message } from "../../forms/types.ts";
import type { BotContext, FormContext } from "../context.ts";
import type { BotDependencies } from "../dependencies.ts";
import type { AnsweredUpdates } from "./answered-updates.ts";
import { formAnswerCallback } from "./callbacks.ts";
import { FORM_CONVERSATION } from "./conversation-id.ts";
import {
  choiceKeyboard,
  choiceLabel,
  type PromptStep,
  renderMessage,
  renderPrompt,
  sendPrompt,
  tHtml,
} from "./prompt.ts";
import { readAnswerInput } from "./read-input.ts";

export { FORM_CONVERSATION };

/**
 * "ask": send the current question, then wait for the answer.
 * "answer": the update that entered is already the answer (the conversation's
 * stored state was lost to a deploy that changed its version, or the process
 * restarted before the question was asked inside a conversation).
 */
export type FormEntry = "ask" | "answer";

/**
 * One question of any form. The draft in the database is the source of
 * truth: the conversation loads the open question from it, waits for an
 * answer (asking again after bad input), saves the answer bound to its
 * question (forms/engine.ts), and ends. Its replay log therefore holds one
 * question's updates, never the whole form. The router downstream then shows
 * whatever the form stands at (the next question, or the summary).
 */
export function createFormConversation(deps: BotDependencies, answered: AnsweredUpdates) {
  const services = { deps, forms: deps.forms };
  return async function form(
    conversation: Conversation<BotContext, FormContext>,
    ctx: FormContext,
    entry: FormEntry,
  ) {
    const userId = ctx.from?.id;
    if (userId === undefined) return;
    const step: FormStep | undefined = await conversation.external(() =>
      loadStep(services, userId),
    );
    const definition = step ? deps.forms.get(step.openForm.kind) : undefined;
    const questionId = step?.openForm.questionId ?? null;
    const question =
      step && questionId ? deps.forms.findQuestion(step.openForm.kind, questionId) : undefined;
    if (!step || !definition || !question || questionId === null) {
      // Nothing to ask here (the summary is shown, the form closed, or the question no longer
      // exists): let the router downstream decide.
      answered.add(ctx.update.update_id);
      await conversation.halt({ next: true });
      return;
    }
    const context = questionContext(deps, step);
    const token = step.openForm.promptToken;
    let record = step.record;
    const promptStep = (): PromptStep => ({ definition, record, token, context });
    /** Ends the conversation and lets the router show where the form stands now. */
    const handOver = async (on: FormContext) => {
      answered.add(on.update.update_id);
      await conversation.halt({ next: true });
    };

    let current = ctx;
    // Both derive from the updates alone, so every replay takes the same branches.
    let refusedGroup: string | undefined;
    let lastAck: { group: string; messageId: number } | undefined;
    // Messages of this question that carry buttons: the buttons go once it is answered.
    const promptIds: number[] = step.openForm.promptMessageId
      ? [step.openForm.promptMessageId]
      : [];
    const ask = async (on: FormContext) => {
      const id = await sendPrompt(on, promptStep(), question);
      if (id !== undefined) promptIds.push(id);
      return id;
    };
    /** Waits for the next update; if meanwhile the form moved on (another device, a crash), hands over. */
    const next = async (): Promise<FormContext | undefined> => {
      const update = await conversation.wait();
      const open = await conversation.external(() => isQuestionOpen(deps.db, userId, token));
      if (open) return update;
      await handOver(update);
      return undefined;
    };
    if (entry === "ask") {
      const id = await ask(ctx);
      await conversation.external(() => markQuestionAsked(deps.db, userId, token, id));
      const update = await next();
      if (!update) return;
      current = update;
    }
    for (;;) {
      const read = readAnswerInput(current, token);
      if (read.kind === "control-button") {
        // Leave the update to the form controls downstream; keep waiting for the answer.
        await conversation.skip({ next: true });
        return;
      }
      if (read.kind === "stale-button") {
        await current.answerCallbackQuery({ text: current.t("form-old-button") });
        await ask(current);
      } else if (read.kind === "answer") {
        const input = read.input;
        if (input.kind === "choice" && question.pager?.isPageRequest(input.value)) {
          await current.answerCallbackQuery();
          await showPage(current, question, context, token, input.value);
        } else {
          const outcome = question.accept(input, record, context);
          if (current.callbackQuery) await current.answerCallbackQuery();
          if (!outcome.ok) {
            // An album sent to a text question: explain once, not once per photo.
            const group = current.message?.media_group_id;
            if (group === undefined || group !== refusedGroup) {
              refusedGroup = group;
              if ("clarify" in outcome) {
                const lines = [outcome.clarify, ...(outcome.details ?? [])];
                await current.reply(lines.map((line) => renderMessage(current, line)).join("\n"), {
                  parse_mode: "HTML",
                  reply_markup: choiceKeyboard(
                    current,
                    token,
                    outcome.choices,
                    outcome.choices.length > 4 ? 2 : 1,
                  ),
                });
              } else {
                await current.reply(renderMessage(current, outcome.error), { parse_mode: "HTML" });
                await ask(current);
              }
            }
          } else {
            const target = { userId, token, questionId, updateId: current.update.update_id };
            const keepAsking = outcome.keepAsking === true;
            const saved = await conversation.external(() =>
              saveAnswer(services, target, outcome.patch, { keepAsking }),
            );
            if (saved.kind === "refused") {
              await current.reply(renderMessage(current, saved.error), { parse_mode: "HTML" });
              await ask(current);
            } else if (saved.kind !== "saved") {
              // Not saved: the question closed meanwhile, or this update's answer was saved before.
              await handOver(current);
              return;
            } else {
              const asked = record;
              record = saved.step.record;
              await acknowledgeAnswer(
                current,
                question,
                { ...promptStep(), record: asked },
                record,
                promptIds,
              );
              if (!keepAsking) await removeButtons(current, promptIds);
              await sendNotices(current, question, outcome.notices ?? []);
              if (!keepAsking) {
                await handOver(current);
                return;
              }
              lastAck = await acknowledgeOneMore(current, question, promptStep(), lastAck);
            }
          }
        }
      }
      // After bad input, a page, an old button, one more file, or nothing to answer with: wait again.
      const update = await next();
      if (!update) return;
      current = update;
    }
  };
}

/**
 * Shows what was understood, so a person sees their answer was taken: a
 * pressed button's question is rewritten with the choice and loses its
 * buttons (so they cannot be pressed twice).
 */
async function acknowledgeAnswer(
  ctx: FormContext,
  question: AnyQuestion,
  asked: PromptStep,
  record: unknown,
  promptIds: number[],
): Promise<void> {
  const pressed = ctx.callbackQuery?.message;
  if (!pressed) return;
  if (!promptIds.includes(pressed.message_id)) {
    // A list offered along the way (communes to pick from): its buttons go, the notice confirms the choice.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    return;
  }
  const chosen = question.display(record, asked.context, (key, vars) => ctx.t(key, vars));
  if (chosen && !question.multiple) {
    const { text } = renderPrompt(ctx, asked, question);
    await ctx
      .editMessageText(`${text}\n\n✅ ${tHtml(ctx, "form-chosen", { value: chosen })}`, {
        parse_mode: "HTML",
      })
      .catch(() => undefined);
  } else {
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  }
}

/** Notices after a saved answer; after a contact question the first one takes the phone button away. */
async function sendNotices(
  ctx: FormContext,
  question: AnyQuestion,
  notices: Message[],
): Promise<void> {
  for (const [index, notice] of notices.entries()) {
    await ctx.reply(renderMessage(ctx, notice), {
      parse_mode: "HTML",
      ...(question.requestContact && index === 0
        ? { reply_markup: { remove_keyboard: true } }
        : {}),
    });
  }
}

/**
 * One more answer to a question that takes several (files): a short
 * acknowledgement with the "done" button, not the whole question again. The
 * photos of an album arrive one by one: one acknowledgement, updated.
 */
async function acknowledgeOneMore(
  ctx: FormContext,
  question: AnyQuestion,
  step: PromptStep,
  lastAck: { group: string; messageId: number } | undefined,
): Promise<{ group: string; messageId: number } | undefined> {
  const message = question.keepAskingMessage?.(step.record, step.context);
  const text = message ? renderMessage(ctx, message) : ctx.t("form-answer-saved");
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
async function showPage(
  ctx: FormContext,
  question: AnyQuestion,
  context: PromptStep["context"],
  token: string,
  value: string,
): Promise<void> {
  const page = question.pager?.page(value, context);
  if (!page) return;
  const keyboard = choiceKeyboard(ctx, token, page.choices, page.columns);
  keyboard.row();
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

/** Takes the buttons off this question's other messages (the pressed one was rewritten already). */
async function removeButtons(ctx: FormContext, messageIds: number[]): Promise<void> {
  const pressed = ctx.callbackQuery?.message?.message_id;
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return;
  for (const id of new Set(messageIds)) {
    if (id !== pressed) await ctx.api.editMessageReplyMarkup(chatId, id).catch(() => undefined);
  }
}
